import type { PurgeResult } from '@exam/platform';

/**
 * One kind of data identity deletes on a schedule. Each owner (raw images, face challenges, real-name face
 * challenges) registers its step with IdentityRetentionService; the step bounds its own work per run.
 */
export interface RetentionStep {
  /** Stable name for logs and results, e.g. the table it purges. */
  readonly name: string;
  purge(now: Date): Promise<PurgeResult>;
}
