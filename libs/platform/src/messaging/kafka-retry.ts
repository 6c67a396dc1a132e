/** KafkaJS marks transient broker answers (no leader yet, metadata not propagated) as retriable. */
export function isRetriableKafkaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

export interface KafkaRetryOptions {
  readonly timeoutMs: number;
  readonly delayMs?: number;
}

/**
 * Runs an admin call until it succeeds, retrying only retriable broker errors until the deadline: a topic that
 * was just created can be unknown to the broker's metadata for a moment, more so on a loaded machine.
 */
export async function withKafkaRetry<T>(call: () => Promise<T>, options: KafkaRetryOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error: unknown) {
      if (!isRetriableKafkaError(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 200));
    }
  }
}
