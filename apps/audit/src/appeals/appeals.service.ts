import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SLA_MINUTES } from '../alerts/alert-status';
import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import { AppealAlreadyFiledError, AppealAttemptNotFoundError, NothingToAppealError } from './appeal.errors';
import type { AppealResponseDto, MyAssessmentDto } from './dto/appeal.dto';

interface AssessmentRow {
  attempt_id: string;
  user_id: string | null;
  outcome: string;
  decision: string;
  score: number;
  severity: string | null;
  rules_fired: string;
  detections: string;
  ip_masked: string;
  attempted_at: Date;
}

/**
 * A user's right to an explanation of automated decisions about them and to a human review: the
 * reasons come straight from the stored assessment; an appeal enters the security staff's alert queue.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  async myAssessments(userId: string, limit: number): Promise<MyAssessmentDto[]> {
    const rows: AssessmentRow[] = await this.dataSource.query(
      'SELECT * FROM login_assessments WHERE user_id = ? ORDER BY attempted_at DESC LIMIT ?',
      [userId, limit],
    );
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
      const rows: AssessmentRow[] = await manager.query(
        'SELECT * FROM login_assessments WHERE attempt_id = ? AND user_id = ?',
        [attemptId, userId],
      );
      const assessment = rows.at(0);
      // Someone else's attempt looks exactly like a missing one: no probing of other accounts.
      if (!assessment) throw new AppealAttemptNotFoundError(attemptId);
      if (assessment.decision === 'allow') throw new NothingToAppealError();
      const existing: unknown[] = await manager.query(
        'SELECT id FROM login_appeals WHERE attempt_id = ? FOR UPDATE',
        [attemptId],
      );
      if (existing.length > 0) throw new AppealAlreadyFiledError();
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
      await manager.query(
        `INSERT INTO security_alerts (id, subject_kind, subject_ref, user_id, institution_id, cause, severity, score, rules_fired, evidence,
           status, occurrences, first_seen_at, last_seen_at, created_at, sla_due_at, updated_at)
         VALUES (?, 'user', ?, ?, NULL, 'appeal', 'medium', ?, ?, ?, 'new', 1, ?, ?, ?, ?, ?)`,
        [
          alertId,
          userId,
          userId,
          assessment.score,
          assessment.rules_fired,
          JSON.stringify(evidence),
          now,
          now,
          now,
          new Date(now.getTime() + SLA_MINUTES.medium * 60_000),
          now,
        ],
      );
      await manager.query(
        'INSERT INTO login_appeals (id, attempt_id, user_id, statement, alert_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [appealId, attemptId, userId, statement, alertId, now],
      );
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
