import { FieldCipher } from '../field-cipher';
import { EncryptedTable } from './encrypted-table';

export interface ColumnKeyUsage {
  readonly table: string;
  readonly column: string;
  /** Key id → number of values under it; `null` and `malformed` count the rest. */
  readonly counts: Readonly<Record<string, number>>;
}

/** Counts values per key id in every encrypted column of a table: retire a key only when its count is zero. */
export async function tableKeyUsage(
  table: EncryptedTable,
  cipher: FieldCipher,
  batchSize = 1000,
): Promise<ColumnKeyUsage[]> {
  const { encryption } = table;
  const columns = encryption.fields.map((field) => field.column);
  const counts = new Map(columns.map((column) => [column, new Map<string, number>()]));
  let cursor: string | null = null;
  for (;;) {
    const rows = await table.readBatch(cursor, batchSize, columns);
    const last = rows.at(-1);
    if (last === undefined) break;
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column];
        let bucket = 'null';
        if (typeof value === 'string') {
          try {
            bucket = cipher.keyIdOf(value);
          } catch {
            bucket = 'malformed';
          }
        }
        const columnCounts = counts.get(column) as Map<string, number>;
        columnCounts.set(bucket, (columnCounts.get(bucket) ?? 0) + 1);
      }
    }
    const id = last[encryption.primaryColumn];
    cursor = typeof id === 'number' || typeof id === 'bigint' ? String(id) : (id as string);
  }
  return columns.map((column) => ({
    table: encryption.table,
    column,
    counts: Object.fromEntries(counts.get(column) ?? []),
  }));
}
