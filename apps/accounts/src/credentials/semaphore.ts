/** Bounds how many async operations run at once; the rest wait in arrival order, at most `maxWaiting` of them. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  /** `maxWaiting`: callers beyond it are refused at once (`tryRun` returns `full`) instead of queueing without end. */
  constructor(
    private readonly limit: number,
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Whether a caller arriving now would be refused. */
  get full(): boolean {
    return this.active >= this.limit && this.waiting.length >= this.maxWaiting;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
