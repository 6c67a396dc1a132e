import { QueryFailedError } from 'typeorm';

import { type BatchedDeleteSpec, deleteInBatches, type SqlRunner } from './batched-delete';

const SPEC: BatchedDeleteSpec = {
  table: 'face_challenges',
  column: 'expires_at',
  batchSize: 3,
  maxBatches: 4,
};
const CUTOFF = new Date('2026-11-25T10:00:00.000Z');

/** A table of `rows` expired rows: each statement deletes up to its LIMIT of what is left. */
function tableOf(rows: number): { run: SqlRunner; statements: { sql: string; parameters: unknown[] }[] } {
  let left = rows;
  const statements: { sql: string; parameters: unknown[] }[] = [];
  const run: SqlRunner = (sql, parameters) => {
    statements.push({ sql, parameters });
    const limit = Number(parameters[1]);
    const affectedRows = Math.min(left, limit);
    left -= affectedRows;
    return Promise.resolve({ affectedRows });
  };
  return { run, statements };
}

describe(deleteInBatches.name, () => {
  it('should delete oldest first in batches of the given size with the cutoff bound as a parameter', async () => {
    const { run, statements } = tableOf(7);

    const sut = await deleteInBatches(run, SPEC, CUTOFF);

    expect(sut).toEqual({ deleted: 7, batches: 3 });
    expect(statements[0]).toEqual({
      sql: 'DELETE FROM face_challenges WHERE expires_at <= ? ORDER BY expires_at LIMIT ?',
      parameters: [CUTOFF, 3],
    });
  });

  it('should add a fixed extra condition when the spec has one', async () => {
    const { run, statements } = tableOf(1);

    await deleteInBatches(run, { ...SPEC, table: 'invitations', where: 'accepted_at IS NULL' }, CUTOFF);

    expect(statements[0]?.sql).toBe(
      'DELETE FROM invitations WHERE expires_at <= ? AND (accepted_at IS NULL) ORDER BY expires_at LIMIT ?',
    );
  });

  it('should stop after maxBatches statements and leave the rest for the next run', async () => {
    const { run, statements } = tableOf(100);

    const sut = await deleteInBatches(run, SPEC, CUTOFF);

    expect(sut).toEqual({ deleted: 12, batches: 4 });
    expect(statements).toHaveLength(4);
  });

  it('should run one statement when nothing is expired, and again delete nothing on a second run', async () => {
    const { run, statements } = tableOf(2);

    const first = await deleteInBatches(run, SPEC, CUTOFF);
    const second = await deleteInBatches(run, SPEC, CUTOFF);

    expect(first).toEqual({ deleted: 2, batches: 1 });
    expect(second).toEqual({ deleted: 0, batches: 1 });
    expect(statements).toHaveLength(2);
  });

  it('should run a batch again when it lost a deadlock to another replica, and give up on other errors', async () => {
    let calls = 0;
    const deadlockOnce: SqlRunner = () => {
      calls += 1;
      if (calls === 1)
        return Promise.reject(
          new QueryFailedError(
            'DELETE',
            [],
            Object.assign(new Error('ER_LOCK_DEADLOCK: Deadlock found when trying to get lock'), {
              errno: 1213,
              code: 'ER_LOCK_DEADLOCK',
            }),
          ),
        );
      return Promise.resolve({ affectedRows: 1 });
    };
    const broken: SqlRunner = () =>
      Promise.reject(
        new QueryFailedError('DELETE', [], new Error("ER_NO_SUCH_TABLE: Table 'x' doesn't exist")),
      );

    expect(await deleteInBatches(deadlockOnce, SPEC, CUTOFF)).toEqual({ deleted: 1, batches: 1 });
    await expect(deleteInBatches(broken, SPEC, CUTOFF)).rejects.toThrow('ER_NO_SUCH_TABLE');
  });

  it('should refuse a table or column that is not a plain identifier, and a non-positive bound', async () => {
    const { run, statements } = tableOf(1);

    await expect(
      deleteInBatches(run, { ...SPEC, table: 'face_challenges; DROP TABLE x' }, CUTOFF),
    ).rejects.toThrow('not a plain identifier');
    await expect(deleteInBatches(run, { ...SPEC, column: 'expires_at` OR 1=1' }, CUTOFF)).rejects.toThrow(
      'not a plain identifier',
    );
    await expect(deleteInBatches(run, { ...SPEC, batchSize: 0 }, CUTOFF)).rejects.toThrow(
      'positive integers',
    );
    await expect(deleteInBatches(run, { ...SPEC, maxBatches: 1.5 }, CUTOFF)).rejects.toThrow(
      'positive integers',
    );
    expect(statements).toHaveLength(0);
  });
});
