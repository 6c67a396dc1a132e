import { deleteInBatches } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { BatchLimits } from '../database/batch-limits';

/** A `login_assessments` row as stored. */
export interface AssessmentRow {
  attempt_id: string;
  user_id: string | null;
  outcome: string;
  decision: string;
  score: number;
  severity: string | null;
  /** JSON array of rule codes. */
  rules_fired: string;
  /** JSON array of detections. */
  detections: string;
  ip_masked: string;
  attempted_at: Date;
}

/** One automated decision about a login attempt, as it is recorded. */
export interface NewAssessment {
  readonly attemptId: string;
  readonly userId: string | null;
  readonly outcome: string;
  readonly decision: string;
  readonly score: number;
  readonly severity: string | null;
  readonly rulesFired: readonly string[];
  readonly detections: readonly unknown[];
  readonly ipMasked: string;
  readonly attemptedAt: Date;
  readonly alertId: string | null;
}

const ROWS_PER_INSERT = 500;

const ASSESSMENT_COLUMNS =
  'attempt_id, user_id, outcome, decision, score, severity, rules_fired, detections, ip_masked, attempted_at, assessed_at, alert_id';

/** The automated decisions about login attempts (`login_assessments`), kept for explanation and appeal. */
@Injectable()
export class LoginAssessmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Raw: multi-row insert on the ingestion hot path (ADR 0023); a redelivered attempt keeps its first
   * assessment (ON DUPLICATE KEY no-op).
   */
  async insertMany(manager: EntityManager, assessments: readonly NewAssessment[]): Promise<void> {
    for (let i = 0; i < assessments.length; i += ROWS_PER_INSERT) {
      const slice = assessments.slice(i, i + ROWS_PER_INSERT);
      await manager.query(
        `INSERT INTO login_assessments (${ASSESSMENT_COLUMNS})
         VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), ?)').join(', ')}
         ON DUPLICATE KEY UPDATE attempt_id = attempt_id`,
        slice.flatMap((a) => [
          a.attemptId,
          a.userId,
          a.outcome,
          a.decision,
          a.score,
          a.severity,
          JSON.stringify(a.rulesFired),
          JSON.stringify(a.detections),
          a.ipMasked,
          a.attemptedAt,
          a.alertId,
        ]),
      );
    }
  }

  /** The user's latest assessments, newest first (raw: no entity maps this table). */
  latestOfUser(userId: string, limit: number): Promise<AssessmentRow[]> {
    return this.dataSource.query(
      'SELECT * FROM login_assessments WHERE user_id = ? ORDER BY attempted_at DESC LIMIT ?',
      [userId, limit],
    );
  }

  /** The assessment of one of the user's attempts (raw: no entity maps this table). */
  async findOfUser(
    manager: EntityManager,
    attemptId: string,
    userId: string,
  ): Promise<AssessmentRow | undefined> {
    const rows: AssessmentRow[] = await manager.query(
      'SELECT * FROM login_assessments WHERE attempt_id = ? AND user_id = ?',
      [attemptId, userId],
    );
    return rows.at(0);
  }

  /** Assessments of attempts before the cutoff, in bounded batches (raw: set-based bulk delete). */
  async deleteAttemptedBefore(cutoff: Date, limits: BatchLimits): Promise<number> {
    const spec = { table: 'login_assessments', column: 'attempted_at', ...limits };
    return (await deleteInBatches((sql, p) => this.dataSource.query(sql, p), spec, cutoff)).deleted;
  }
}
