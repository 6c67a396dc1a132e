import { deleteInBatches } from '@exam/platform';
import type { DataSource } from 'typeorm';

/** How much one retention pass may delete per data class. */
export interface PurgeLimits {
  readonly batchSize: number;
  readonly maxBatches: number;
}

/**
 * Rows of one table whose `column` lies before the cutoff, in bounded `DELETE … LIMIT n` batches (the shared
 * retention primitive; set-based bulk deletes in raw SQL). Table, column and condition are fixed in code.
 */
export async function purgeBefore(
  dataSource: DataSource,
  target: { readonly table: string; readonly column: string; readonly where?: string },
  cutoff: Date,
  limits: PurgeLimits,
): Promise<number> {
  const spec = {
    table: target.table,
    column: target.column,
    batchSize: limits.batchSize,
    maxBatches: limits.maxBatches,
    ...(target.where === undefined ? {} : { where: target.where }),
  };
  return (await deleteInBatches((sql, parameters) => dataSource.query(sql, parameters), spec, cutoff))
    .deleted;
}
