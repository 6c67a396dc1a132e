import { randomUUID } from 'node:crypto';

import { TestClock } from '@exam/testing';
import type { DataSource, EntityManager } from 'typeorm';

import type { AlertRepository, AppealAlert } from '../alerts/alert.repository';
import type { StaffAction, StaffActionRecorder } from '../audit-log/staff-action.recorder';
import type { AssessmentRow, LoginAssessmentRepository } from '../login-risk/login-assessment.repository';
import { AppealErrorCode } from './appeal.errors';
import type { NewAppeal } from './appeal.repository';
import { AppealsService } from './appeals.service';

function assessment(overrides: Partial<AssessmentRow> = {}): AssessmentRow {
  return {
    attempt_id: randomUUID(),
    user_id: randomUUID(),
    outcome: 'success',
    decision: 'block',
    score: 90,
    severity: 'high',
    rules_fired: '["impossible_travel"]',
    detections: '[{"rule":"impossible_travel","reason":"Beijing to Guangzhou in 10 minutes"}]',
    ip_masked: '113.108.182.*',
    attempted_at: new Date('2026-01-15T07:00:00.000Z'),
    ...overrides,
  };
}

describe(AppealsService.name, () => {
  const clock = new TestClock('2026-01-15T08:00:00.000Z');
  let stored: AssessmentRow[];
  let appeals: NewAppeal[];
  let alerts: AppealAlert[];
  let chained: StaffAction[];
  let sut: AppealsService;

  beforeEach(() => {
    stored = [];
    appeals = [];
    alerts = [];
    chained = [];
    const dataSource = {
      transaction: <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => work({} as EntityManager),
    };
    const assessments = {
      findOfUser: (_m: EntityManager, attemptId: string, userId: string) =>
        Promise.resolve(stored.find((a) => a.attempt_id === attemptId && a.user_id === userId)),
    };
    const appealRepository = {
      lockByAttempt: (_m: EntityManager, attemptId: string) =>
        Promise.resolve(appeals.some((a) => a.attemptId === attemptId)),
      insert: (_m: EntityManager, appeal: NewAppeal) => Promise.resolve(void appeals.push(appeal)),
    };
    const alertRepository = {
      insertAppealAlert: (_m: EntityManager, alert: AppealAlert) => Promise.resolve(void alerts.push(alert)),
    };
    const recorder = {
      record: (_m: EntityManager, action: StaffAction) => Promise.resolve(void chained.push(action)),
    };
    sut = new AppealsService(
      dataSource as unknown as DataSource,
      assessments as unknown as LoginAssessmentRepository,
      appealRepository,
      alertRepository as unknown as AlertRepository,
      recorder as unknown as StaffActionRecorder,
      clock,
    );
  });

  it('should put an appeal of a blocked sign-in in the staff queue with a medium SLA and chain it', async () => {
    const blocked = assessment();
    stored.push(blocked);

    const result = await sut.appeal(blocked.user_id ?? '', blocked.attempt_id, 'It was me, on a train.');

    expect(result).toMatchObject({ attemptId: blocked.attempt_id, createdAt: '2026-01-15T08:00:00.000Z' });
    expect(alerts).toEqual([
      expect.objectContaining({
        id: result.reviewAlertId,
        userId: blocked.user_id,
        slaDueAt: new Date('2026-01-15T12:00:00.000Z'),
      }),
    ]);
    expect(appeals).toEqual([
      expect.objectContaining({ id: result.appealId, alertId: result.reviewAlertId }),
    ]);
    expect(chained.map((a) => a.type)).toEqual(['user.decision.appealed']);
  });

  it("should answer someone else's attempt exactly like a missing one", async () => {
    const other = assessment();
    stored.push(other);

    await expect(sut.appeal(randomUUID(), other.attempt_id, 'It was me, on a train.')).rejects.toMatchObject({
      code: AppealErrorCode.ATTEMPT_NOT_FOUND.code,
    });
    expect(alerts).toHaveLength(0);
  });

  it('should refuse to appeal an allowed sign-in', async () => {
    const allowed = assessment({ decision: 'allow' });
    stored.push(allowed);

    await expect(
      sut.appeal(allowed.user_id ?? '', allowed.attempt_id, 'Nothing happened to me.'),
    ).rejects.toMatchObject({ code: AppealErrorCode.NOTHING_TO_APPEAL.code });
  });

  it('should refuse a second appeal of the same sign-in', async () => {
    const blocked = assessment();
    stored.push(blocked);
    await sut.appeal(blocked.user_id ?? '', blocked.attempt_id, 'It was me, on a train.');

    await expect(
      sut.appeal(blocked.user_id ?? '', blocked.attempt_id, 'Really, it was me.'),
    ).rejects.toMatchObject({ code: AppealErrorCode.ALREADY_FILED.code });
    expect(alerts).toHaveLength(1);
  });
});
