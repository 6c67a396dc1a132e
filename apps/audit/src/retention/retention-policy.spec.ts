import { TestClock } from '@exam/testing';

import { retentionCutoffs } from './retention-policy';

describe(retentionCutoffs.name, () => {
  const clock = new TestClock('2026-12-01T00:00:00.000Z');

  it('should put each cutoff its period before now', () => {
    const sut = retentionCutoffs(clock.now(), { loginLogDays: 365, sourceFailuresDays: 2 });

    expect(sut).toEqual({
      loginLogs: new Date('2025-12-01T00:00:00.000Z'),
      sourceFailures: new Date('2026-11-29T00:00:00.000Z'),
    });
  });

  it('should never keep login logs shorter than the legal six months', () => {
    const sut = retentionCutoffs(clock.now(), { loginLogDays: 30, sourceFailuresDays: 1 });

    expect(sut.loginLogs).toEqual(new Date('2026-06-04T00:00:00.000Z'));
  });
});
