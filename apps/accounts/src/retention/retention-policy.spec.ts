import { retentionCutoffs, type RetentionSettings } from './retention-policy';

describe(retentionCutoffs.name, () => {
  const settings: RetentionSettings = {
    codesDays: 1,
    contactChangeTtlSeconds: 600,
    invitationsDays: 30,
    sessionsDays: 7,
    pendingRegistrationsDays: 3,
    batchSize: 500,
    maxBatchesPerPass: 10,
  };
  const now = new Date('2026-11-26T12:00:00.000Z');

  it('should put each cutoff its retention period before now', () => {
    const sut = retentionCutoffs(now, settings);
    expect(sut.codes.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(sut.contactChanges.toISOString()).toBe('2026-11-26T11:50:00.000Z');
    expect(sut.invitations.toISOString()).toBe('2026-10-27T12:00:00.000Z');
    expect(sut.sessions.toISOString()).toBe('2026-11-19T12:00:00.000Z');
    expect(sut.pendingRegistrations.toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });
});
