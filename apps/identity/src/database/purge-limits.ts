/** How much one retention step may delete in one pass: rows per statement, and statements. */
export interface PurgeLimits {
  readonly batchSize: number;
  readonly maxBatches: number;
}
