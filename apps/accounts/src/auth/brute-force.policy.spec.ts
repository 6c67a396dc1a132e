import {
  afterFailure,
  afterSuccess,
  type BruteForceSettings,
  type FailureState,
  isLocked,
} from './brute-force.policy';

const settings: BruteForceSettings = {
  failureFactor: 3,
  waitIncrementMs: 60_000,
  maxWaitMs: 150_000,
  quickLoginCheckMs: 1000,
  minimumQuickLoginWaitMs: 30_000,
};

function failTimes(count: number, start: Date, gapMs: number): { state: FailureState; at: Date } {
  let state = afterSuccess();
  let at = start;
  for (let i = 0; i < count; i += 1) {
    at = new Date(start.getTime() + i * gapMs);
    state = afterFailure(state, at, settings);
  }
  return { state, at };
}

describe('brute-force policy', () => {
  const start = new Date('2026-01-01T00:00:00Z');

  it('should not lock below the failure factor when failures are slow', () => {
    const { state, at } = failTimes(2, start, 5000);
    expect(isLocked(state, at)).toBe(false);
  });

  it('should lock for one wait increment at the failure factor', () => {
    const { state, at } = failTimes(3, start, 5000);
    expect(state.lockedUntil?.getTime()).toBe(at.getTime() + 60_000);
  });

  it('should grow the lock with every further factor of failures up to the maximum wait', () => {
    const six = failTimes(6, start, 5000);
    expect(six.state.lockedUntil?.getTime()).toBe(six.at.getTime() + 120_000);
    const twelve = failTimes(12, start, 5000);
    expect(twelve.state.lockedUntil?.getTime()).toBe(twelve.at.getTime() + 150_000);
  });

  it('should lock at once when two failures come faster than the quick-login check', () => {
    const { state, at } = failTimes(2, start, 200);
    expect(state.lockedUntil?.getTime()).toBe(at.getTime() + 30_000);
  });

  it('should clear everything after a success', () => {
    expect(afterSuccess()).toEqual({ failedLogins: 0, lastFailedAt: null, lockedUntil: null });
  });
});
