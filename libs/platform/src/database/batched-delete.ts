import { retryOnDeadlock } from './deadlock-retry';

/** Runs one SQL statement with positional parameters (DataSource.query or EntityManager.query). */
export type SqlRunner = (sql: string, parameters: unknown[]) => Promise<unknown>;

/** Which rows one retention step deletes, and how much work one run may do. */
export interface BatchedDeleteSpec {
  /** Table and datetime column, fixed in code (never input); rows with `column <= cutoff` go. */
  readonly table: string;
  readonly column: string;
  /** An extra fixed condition in code (never input), e.g. `accepted_at IS NULL`. */
  readonly where?: string;
  /** Rows per statement: short statements, so writers of the table are never blocked behind a purge. */
  readonly batchSize: number;
  /** Statements per run; the rest waits for the next run rather than holding a replica busy. */
  readonly maxBatches: number;
}

export interface PurgeResult {
  readonly deleted: number;
  readonly batches: number;
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/**
 * The one retention primitive of every service. Deletes rows whose `column` is at or before `cutoff`, oldest first, `batchSize` rows per statement, until a
 * statement deletes fewer than a batch or `maxBatches` statements ran. Each statement is its own autocommit
 * transaction, so the run is idempotent and several replicas may run it at once: concurrent statements delete
 * disjoint rows or none.
 */
export async function deleteInBatches(
  run: SqlRunner,
  spec: BatchedDeleteSpec,
  cutoff: Date,
): Promise<PurgeResult> {
  if (!IDENTIFIER.test(spec.table) || !IDENTIFIER.test(spec.column))
    throw new Error(`not a plain identifier: ${spec.table}.${spec.column}`);
  if (
    !Number.isInteger(spec.batchSize) ||
    spec.batchSize < 1 ||
    !Number.isInteger(spec.maxBatches) ||
    spec.maxBatches < 1
  ) {
    throw new Error(`batchSize and maxBatches must be positive integers (${spec.table})`);
  }
  const condition = spec.where === undefined ? '' : ` AND (${spec.where})`;
  const sql = `DELETE FROM ${spec.table} WHERE ${spec.column} <= ?${condition} ORDER BY ${spec.column} LIMIT ?`;
  let deleted = 0;
  let batches = 0;
  while (batches < spec.maxBatches) {
    const affected = affectedRows(
      await retryOnDeadlock(() =>
        run(sql, [cutoff, spec.batchSize]),
      ) /* lost to another replica purging the same rows: run again */,
    );
    batches += 1;
    deleted += affected;
    if (affected < spec.batchSize) break;
  }
  return { deleted, batches };
}

function affectedRows(result: unknown): number {
  if (
    typeof result === 'object' &&
    result !== null &&
    'affectedRows' in result &&
    typeof result.affectedRows === 'number'
  )
    return result.affectedRows;
  return 0;
}
