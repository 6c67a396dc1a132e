import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AlertRepository } from '../alerts/alert.repository';
import { SLA_MINUTES } from '../alerts/alert-status';
import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import { LoginAssessmentRepository } from '../login-risk/login-assessment.repository';
import { AppealAlreadyFiledError, AppealAttemptNotFoundError, NothingToAppealError } from './appeal.errors';
import { AppealRepository } from './appeal.repository';
import type { AppealResponseDto, MyAssessmentDto } from './dto/appeal.dto';

/**
 * A user's right to an explanation of automated decisions about them and to a human review: the
 * reasons come straight from the stored assessment; an appeal enters the security staff's alert queue.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: LoginAssessmentRepository,
    private readonly appeals: AppealRepository,
    private readonly alerts: AlertRepository,
    private readonly recorder: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  async myAssessments(userId: string, limit: number): Promise<MyAssessmentDto[]> {
    const rows = await this.assessments.latestOfUser(userId, limit);
    return rows.map((row) => ({
      attemptId: row.attempt_id,
      attemptedAt: new Date(row.attempted_at).toISOString(),
      outcome: row.outcome,
      decision: row.decision,
      score: row.score,
      rulesFired: JSON.parse(row.rules_fired) as string[],
      reasons: (JSON.parse(row.detections) as { rule: string; reason: string }[]).map((d) => ({
        rule: d.rule,
        reason: d.reason,
      })),
      ip: row.ip_masked,
    }));
  }

  async appeal(userId: string, attemptId: string, statement: string): Promise<AppealResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const assessment = await this.assessments.findOfUser(manager, attemptId, userId);
      // Someone else's attempt looks exactly like a missing one: no probing of other accounts.
      if (!assessment) throw new AppealAttemptNotFoundError(attemptId);
      if (assessment.decision === 'allow') throw new NothingToAppealError();
      if (await this.appeals.lockByAttempt(manager, attemptId)) throw new AppealAlreadyFiledError();
      const appealId = randomUUID();
      const alertId = randomUUID();
      const now = this.clock.now();
      const evidence = [
        {
          rule: 'appeal',
          severity: 'medium',
          reason: 'The user appeals an automated decision and asks for human review.',
          evidence: { appealId, attemptId, decision: assessment.decision, score: assessment.score },
          seenAt: now.toISOString(),
        },
      ];
      await this.alerts.insertAppealAlert(
        manager,
        {
          id: alertId,
          userId,
          score: assessment.score,
          rulesFiredJson: assessment.rules_fired,
          evidence,
          slaDueAt: new Date(now.getTime() + SLA_MINUTES.medium * 60_000),
        },
        now,
      );
      await this.appeals.insert(manager, { id: appealId, attemptId, userId, statement, alertId }, now);
      await this.recorder.record(
        manager,
        {
          type: 'user.decision.appealed',
          staffId: userId,
          subjectUserId: userId,
          attributes: { appealId, attemptId, alertId },
        },
        now,
      );
      return { appealId, attemptId, reviewAlertId: alertId, createdAt: now.toISOString() };
    });
  }
}
