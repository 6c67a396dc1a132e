import { isCryptoError } from '../crypto.errors';
import { FieldCipher } from '../field-cipher';
import { EncryptedField, EntityEncryption, fieldContext } from '../typeorm/entity-encryption';
import { RowFailure, RowJob, RowOutcome, RowTally } from './batched-job';
import { EncryptedTable, idToText, RawRow } from './encrypted-table';

const MAX_ATTEMPTS = 5;

/**
 * Re-encrypts every value of a table that is not under the active key. Each row is written with a
 * compare-and-set on the ciphertexts it read; if a service instance wrote the row in between, the row is
 * re-read and retried (usually it is then already current, since writers always use the active key).
 */
export function dataKeyRotationJob(
  encryption: EntityEncryption,
  service: string,
  cipher: FieldCipher,
): RowJob {
  const columns = encryption.fields.map((field) => field.column);
  const tenantOf = (row: RawRow): unknown =>
    encryption.tenantColumn === undefined ? null : row[encryption.tenantColumn];

  const reencrypt = (
    row: RawRow,
    field: EncryptedField,
    stored: string,
    failures: RowFailure[],
  ): string | undefined => {
    try {
      return cipher.reencrypt(
        stored,
        fieldContext(encryption, service, field, row[encryption.primaryColumn], tenantOf(row)),
      );
    } catch (error: unknown) {
      if (!isCryptoError(error)) throw error;
      failures.push({
        job: `rotate:${encryption.table}`,
        rowId: idToText(row[encryption.primaryColumn]),
        column: field.column,
        code: error.code,
      });
      return undefined;
    }
  };

  return {
    job: `rotate:${encryption.table}`,
    targetKeyId: cipher.activeKeyId,
    columns,
    async processRow(first: RawRow, table: EncryptedTable, tally: RowTally): Promise<RowOutcome> {
      let row: RawRow | undefined = first;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && row !== undefined; attempt++) {
        const set: Record<string, string> = {};
        const expected: Record<string, string> = {};
        let stale = 0;
        for (const field of encryption.fields) {
          const stored = row[field.column];
          if (typeof stored !== 'string' || cipher.isCurrent(stored)) continue;
          stale += 1;
          const fresh = reencrypt(row, field, stored, tally.failures);
          if (fresh === undefined) continue;
          set[field.column] = fresh;
          expected[field.column] = stored;
        }
        if (stale === 0) return 'unchanged';
        if (Object.keys(set).length === 0) return 'failed';
        if (await table.updateIfUnchanged(row[encryption.primaryColumn], set, expected)) return 'changed';
        tally.races += 1;
        row = await table.readRow(row[encryption.primaryColumn], columns);
      }
      return row === undefined ? 'gone' : 'conflict';
    },
  };
}
