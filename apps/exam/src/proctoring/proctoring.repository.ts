import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, Repository } from 'typeorm';

import type { ProctoringRule } from './domain/proctoring-policy';
import { ProctoringEventEntity } from './proctoring-event.entity';
import { StaffActionEntity } from './staff-action.entity';

/** Events counted per rule and the warnings given, of one attempt. */
export interface RuleTally {
  readonly counts: Partial<Record<ProctoringRule, number>>;
  readonly warnings: number;
}

/** Per attempt of an exam: how many events of each kind, counted against which rule, with what outcome. */
export interface EventCountRow {
  readonly attemptId: string;
  readonly kind: string;
  readonly rule: ProctoringRule | null;
  readonly outcome: string;
  readonly count: number;
}

/** A face-check token's single use by an attempt (the table attempt start uses). */
export interface FaceCheckUse {
  readonly jti: string;
  readonly attemptId: string;
  readonly userId: string;
  readonly examId: string;
  readonly verificationId: string;
  readonly usedAt: Date;
}

const MAX_TIMELINE_EVENTS = 2000;

/** Persistence of the proctoring record of attempts: reported events, staff actions, periodic face-check tokens. */
@Injectable()
export class ProctoringRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ProctoringEventEntity) private readonly events: Repository<ProctoringEventEntity>,
    @InjectRepository(StaffActionEntity) private readonly actions: Repository<StaffActionEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findByClientIds(
    tx: EntityManager,
    attemptId: string,
    clientEventIds: readonly string[],
  ): Promise<ProctoringEventEntity[]> {
    if (clientEventIds.length === 0) return Promise.resolve([]);
    return tx
      .getRepository(ProctoringEventEntity)
      .find({ where: { attemptId, clientEventId: In([...clientEventIds]) } });
  }

  async insertEvents(tx: EntityManager, events: readonly ProctoringEventEntity[]): Promise<void> {
    if (events.length > 0) await tx.getRepository(ProctoringEventEntity).insert([...events]);
  }

  /** What the attempt's events have counted against each rule, and the warnings given. */
  async tallyOf(tx: EntityManager, attemptId: string): Promise<RuleTally> {
    const rows = await tx
      .getRepository(ProctoringEventEntity)
      .createQueryBuilder('e')
      .select('e.rule', 'rule')
      .addSelect('COUNT(*)', 'n')
      .addSelect("SUM(e.outcome = 'warning')", 'w')
      .where('e.attempt_id = :attemptId AND e.rule IS NOT NULL', { attemptId })
      .groupBy('e.rule')
      .getRawMany<{ rule: ProctoringRule; n: string | number; w: string | number | null }>();
    const counts: Partial<Record<ProctoringRule, number>> = {};
    let warnings = 0;
    for (const row of rows) {
      counts[row.rule] = Number(row.n);
      warnings += Number(row.w ?? 0);
    }
    return { counts, warnings };
  }

  /**
   * Claims a face-check token for its one use; false when it was used before (at a start or an earlier check).
   * Raw SQL: INSERT IGNORE claims the key in one statement without aborting the batch's transaction.
   */
  async claimFaceCheck(tx: EntityManager, use: FaceCheckUse): Promise<boolean> {
    const result: { affectedRows?: number } = await tx.query(
      `INSERT IGNORE INTO attempt_face_checks (jti, attempt_id, user_id, exam_id, verification_id, used_at, purpose)
       VALUES (?, ?, ?, ?, ?, ?, 'exam_proctor')`,
      [use.jti, use.attemptId, use.userId, use.examId, use.verificationId, use.usedAt],
    );
    return (result.affectedRows ?? 0) > 0;
  }

  eventsOf(attemptId: string): Promise<ProctoringEventEntity[]> {
    return this.events.find({ where: { attemptId }, order: { id: 'ASC' }, take: MAX_TIMELINE_EVENTS });
  }

  async insertStaffAction(tx: EntityManager, action: StaffActionEntity): Promise<void> {
    await tx.getRepository(StaffActionEntity).insert(action);
  }

  staffActionsOf(attemptId: string): Promise<StaffActionEntity[]> {
    return this.actions.find({ where: { attemptId }, order: { takenAt: 'ASC' } });
  }

  /** Event counts of every attempt of an exam, grouped for the live board. */
  async countsOfExam(examId: string): Promise<EventCountRow[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .select('e.attempt_id', 'attemptId')
      .addSelect('e.kind', 'kind')
      .addSelect('e.rule', 'rule')
      .addSelect('e.outcome', 'outcome')
      .addSelect('COUNT(*)', 'n')
      .where('e.exam_id = :examId', { examId })
      .groupBy('e.attempt_id')
      .addGroupBy('e.kind')
      .addGroupBy('e.rule')
      .addGroupBy('e.outcome')
      .getRawMany<{
        attemptId: string;
        kind: string;
        rule: ProctoringRule | null;
        outcome: string;
        n: string | number;
      }>();
    return rows.map((r) => ({ ...r, count: Number(r.n) }));
  }
}
