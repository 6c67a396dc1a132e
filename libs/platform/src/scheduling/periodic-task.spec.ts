import type { AccountsEnv } from '../config/accounts.env';
import { RetentionScheduler } from './retention.scheduler';
import type { RetentionReport, RetentionService } from './retention.service';

const EMPTY: RetentionReport = { verificationCodes: 0, contactChanges: 0, invitations: 0, sessions: 0, refreshTokens: 0, pendingRegistrations: 0, faceCheckRedemptions: 0, loginIpFailures: 0 };

describe(RetentionScheduler.name, () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  function build(intervalSeconds: number, sweep: jest.Mock<Promise<RetentionReport>, []>): RetentionScheduler {
    const retention = { sweep } as unknown as RetentionService;
    return new RetentionScheduler(retention, { RETENTION_INTERVAL_SECONDS: intervalSeconds } as AccountsEnv);
  }

  it('should run a pass about every interval and stop at shutdown', async () => {
    const sweep = jest.fn<Promise<RetentionReport>, []>().mockResolvedValue(EMPTY);
    const sut = build(10, sweep);
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(8_900);
    expect(sweep).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2_200);
    expect(sweep).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(11_000);
    expect(sweep).toHaveBeenCalledTimes(2);
    await sut.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sweep).toHaveBeenCalledTimes(2);
  });

  it('should keep going after a failed pass', async () => {
    const sweep = jest.fn<Promise<RetentionReport>, []>().mockRejectedValueOnce(new Error('database away')).mockResolvedValue(EMPTY);
    const sut = build(10, sweep);
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(22_100);
    expect(sweep).toHaveBeenCalledTimes(2);
    await sut.beforeApplicationShutdown();
  });

  it('should never run when the interval is 0', async () => {
    const sweep = jest.fn<Promise<RetentionReport>, []>().mockResolvedValue(EMPTY);
    const sut = build(0, sweep);
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(86_400_000);
    expect(sweep).not.toHaveBeenCalled();
    await sut.beforeApplicationShutdown();
  });
});
