import { retentionCutoffs, type RetentionPeriods } from './retention-policy';

const PERIODS: RetentionPeriods = {
  challengesDays: 1,
  verificationAttemptsDays: 1095,
  faceChecksDays: 365,
  appealsDays: 180,
};

describe(retentionCutoffs.name, () => {
  const now = new Date('2026-11-26T12:34:56.789Z');

  it('should put each configured class its period before now', () => {
    const sut = retentionCutoffs(now, PERIODS);

    expect(sut.challenges.toISOString()).toBe('2026-11-25T12:34:56.789Z');
    expect(sut.faceChecks.toISOString()).toBe('2025-11-26T12:34:56.789Z');
    expect(sut.appeals.toISOString()).toBe('2026-05-30T12:34:56.789Z');
    expect(sut.verificationAttempts.toISOString()).toBe('2023-11-27T12:34:56.789Z');
  });

  it('should delete raw images at their own expiry, with no grace', () => {
    expect(retentionCutoffs(now, PERIODS).rawImages).toEqual(now);
  });

  it('should keep the current and the previous failure-counter hour, and nothing older', () => {
    const cutoff = retentionCutoffs(now, PERIODS).preAuthIpFailures;

    expect(cutoff.getTime()).toBe(Date.parse('2026-11-26T11:00:00.000Z') - 1);
  });

  it('should keep attempt budgets of the last two China calendar days', () => {
    // 2026-11-26T12:34Z is 20:34 on the 26th in China; two days earlier is the 24th, which is still kept.
    expect(retentionCutoffs(now, PERIODS).attemptBudgetsBeforeDay).toBe('2026-11-24');
    expect(retentionCutoffs(new Date('2026-11-26T17:00:00.000Z'), PERIODS).attemptBudgetsBeforeDay).toBe(
      '2026-11-25',
    );
  });
});
