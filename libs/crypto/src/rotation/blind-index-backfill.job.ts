import { BlindIndex } from '../blind-index';
import { isCryptoError } from '../crypto.errors';
import { FieldCipher } from '../field-cipher';
import {
  BlindIndexField,
  EncryptedField,
  EntityEncryption,
  fieldContext,
} from '../typeorm/entity-encryption';
import { RowJob, RowOutcome } from './batched-job';
import { idToText, isDuplicateKeyError, RawRow } from './encrypted-table';

const MAX_ATTEMPTS = 5;

/**
 * Fills one blind-index column (typically the new column of an index-key rotation) for rows where it is NULL.
 * The digest is written only if the source ciphertext is unchanged and the column still NULL, so a concurrent
 * write (which computes the digest itself) always wins.
 */
export function blindIndexBackfillJob(
  encryption: EntityEncryption,
  index: BlindIndexField,
  service: string,
  cipher: FieldCipher,
  blindIndex: BlindIndex,
): RowJob {
  const source = encryption.fields.find((field) => field.property === index.sourceProperty) as EncryptedField;
  const columns = [source.column, index.indexColumn];
  const job = `backfill:${encryption.table}.${index.indexColumn}`;
  return {
    job,
    targetKeyId: index.keyId,
    columns,
    async processRow(first, table, tally): Promise<RowOutcome> {
      let row: RawRow | undefined = first;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && row !== undefined; attempt++) {
        const stored = row[source.column];
        if (typeof stored !== 'string' || row[index.indexColumn] !== null) return 'unchanged';
        const rowId = row[encryption.primaryColumn];
        let digest: string;
        try {
          const tenant = encryption.tenantColumn === undefined ? null : row[encryption.tenantColumn];
          const plaintext = cipher.decrypt(stored, fieldContext(encryption, service, source, rowId, tenant));
          digest = blindIndex.compute(plaintext, index.spec, index.keyId);
        } catch (error: unknown) {
          if (!isCryptoError(error)) throw error;
          tally.failures.push({ job, rowId: idToText(rowId), column: source.column, code: error.code });
          return 'failed';
        }
        try {
          const expected = { [source.column]: stored, [index.indexColumn]: null };
          if (await table.updateIfUnchanged(rowId, { [index.indexColumn]: digest }, expected))
            return 'changed';
          tally.races += 1;
        } catch (error: unknown) {
          // Two rows whose values normalize alike: the old index allowed it, the new unique one does not.
          if (!isDuplicateKeyError(error)) throw error;
          tally.failures.push({
            job,
            rowId: idToText(rowId),
            column: index.indexColumn,
            code: 'DUPLICATE_INDEX_VALUE',
          });
          return 'failed';
        }
        row = await table.readRow(rowId, columns);
      }
      return row === undefined ? 'gone' : 'conflict';
    },
  };
}
