import { jitteredDelayMs, PeriodicTask } from './periodic-task';

class CountingTask extends PeriodicTask {
  constructor(
    protected readonly intervalSeconds: number,
    readonly work: jest.Mock<Promise<void>, []>,
  ) {
    super();
  }

  protected run(): Promise<void> {
    return this.work();
  }
}

describe(PeriodicTask.name, () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('should run about every interval and stop at shutdown', async () => {
    const sut = new CountingTask(10, jest.fn<Promise<void>, []>().mockResolvedValue(undefined));
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(8_900);
    expect(sut.work).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2_200);
    expect(sut.work).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(11_000);
    expect(sut.work).toHaveBeenCalledTimes(2);
    await sut.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sut.work).toHaveBeenCalledTimes(2);
  });

  it('should keep going after a failed run', async () => {
    const sut = new CountingTask(
      10,
      jest
        .fn<Promise<void>, []>()
        .mockRejectedValueOnce(new Error('database away'))
        .mockResolvedValue(undefined),
    );
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(22_100);
    expect(sut.work).toHaveBeenCalledTimes(2);
    await sut.beforeApplicationShutdown();
  });

  it('should never run when the interval is 0', async () => {
    const sut = new CountingTask(0, jest.fn<Promise<void>, []>().mockResolvedValue(undefined));
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(86_400_000);
    expect(sut.work).not.toHaveBeenCalled();
    await sut.beforeApplicationShutdown();
  });

  it('should wait for the run in progress before the service stops', async () => {
    let finish: () => void = () => undefined;
    const sut = new CountingTask(
      10,
      jest.fn<Promise<void>, []>(() => new Promise<void>((resolve) => (finish = resolve))),
    );
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(11_000);
    let stopped = false;
    const stopping = sut.beforeApplicationShutdown().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});

describe(jitteredDelayMs.name, () => {
  it('should stay within ten percent of the interval', () => {
    expect(jitteredDelayMs(3600, () => 0)).toBe(3_240_000);
    expect(jitteredDelayMs(3600, () => 0.5)).toBe(3_600_000);
    expect(jitteredDelayMs(3600, () => 0.999_999)).toBeLessThanOrEqual(3_960_000);
  });
});
