/** How a retention delete is bounded: rows per statement and statements per pass. */
export interface BatchLimits {
  readonly batchSize: number;
  readonly maxBatches: number;
}
