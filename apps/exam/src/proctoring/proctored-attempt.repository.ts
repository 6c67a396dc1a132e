import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, IsNull, Not, Repository } from 'typeorm';

import { AttemptEntity } from '../attempt/attempt.entity';
import { AttemptAnswerEntity } from '../attempt/attempt-answer.entity';
import type { AttemptStatus } from '../attempt/domain/attempt-state';

/** The columns of an attempt the board and the staff actions read (never the paper or its key). */
const CONTROL_COLUMNS: (keyof AttemptEntity)[] = [
  'id',
  'examId',
  'institutionId',
  'userId',
  'attemptNo',
  'status',
  'deviceId',
  'previousDeviceId',
  'startedAt',
  'deadlineAt',
  'saveUntil',
  'earliestSubmitAt',
  'pausedAt',
  'flaggedAt',
  'submittedAt',
  'closedBy',
  'updatedAt',
];

export type ControlledAttemptRow = Pick<
  AttemptEntity,
  | 'id'
  | 'examId'
  | 'institutionId'
  | 'userId'
  | 'attemptNo'
  | 'status'
  | 'deviceId'
  | 'previousDeviceId'
  | 'startedAt'
  | 'deadlineAt'
  | 'saveUntil'
  | 'earliestSubmitAt'
  | 'pausedAt'
  | 'flaggedAt'
  | 'submittedAt'
  | 'closedBy'
  | 'updatedAt'
>;

/** What a staff action or the policy may change on an attempt. */
export type AttemptControlChange = Partial<
  Pick<
    AttemptEntity,
    | 'status'
    | 'live'
    | 'pausedAt'
    | 'flaggedAt'
    | 'deadlineAt'
    | 'saveUntil'
    | 'earliestSubmitAt'
    | 'updatedAt'
  >
>;

/** Saves of one attempt: how many questions hold an answer and when the last one was saved. */
export interface SaveSummary {
  readonly answered: number;
  readonly lastSavedAt: Date | null;
}

/**
 * The proctoring side of the attempt aggregate: locking an attempt for a staff action or a batch of events,
 * changing its control state (pause, time, flag, termination) conditionally, and the light reads of the board.
 * Kept apart from AttemptRepository (delivery, autosave, closing), which it never duplicates.
 */
@Injectable()
export class ProctoredAttemptRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
  ) {}

  lockOfUser(tx: EntityManager, attemptId: string, userId: string): Promise<ControlledAttemptRow | null> {
    return tx.getRepository(AttemptEntity).findOne({
      select: CONTROL_COLUMNS,
      where: { id: attemptId, userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  lockOfInstitution(
    tx: EntityManager,
    institutionId: string,
    attemptId: string,
  ): Promise<ControlledAttemptRow | null> {
    return tx.getRepository(AttemptEntity).findOne({
      select: CONTROL_COLUMNS,
      where: { id: attemptId, institutionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findOfInstitution(institutionId: string, attemptId: string): Promise<ControlledAttemptRow | null> {
    return this.attempts.findOne({ select: CONTROL_COLUMNS, where: { id: attemptId, institutionId } });
  }

  listOfExam(examId: string): Promise<ControlledAttemptRow[]> {
    return this.attempts.find({ select: CONTROL_COLUMNS, where: { examId }, order: { attemptNo: 'ASC' } });
  }

  /**
   * Applies `change` only if the attempt still has the status and the paused state the caller read: false when
   * another writer got there first (the caller holds the row lock, so this is a second line of defence).
   */
  async changeIf(
    tx: EntityManager,
    attemptId: string,
    expected: { readonly status: AttemptStatus; readonly paused: boolean },
    change: AttemptControlChange,
  ): Promise<boolean> {
    const result = await tx
      .getRepository(AttemptEntity)
      .update(
        { id: attemptId, status: expected.status, pausedAt: expected.paused ? Not(IsNull()) : IsNull() },
        change,
      );
    return (result.affected ?? 0) === 1;
  }

  async saveSummaryOf(attemptId: string): Promise<SaveSummary> {
    const row = await this.dataSource
      .getRepository(AttemptAnswerEntity)
      .createQueryBuilder('x')
      .select('COUNT(*)', 'answered')
      .addSelect('MAX(x.saved_at)', 'last')
      .where('x.attempt_id = :attemptId', { attemptId })
      .getRawOne<{ answered: number | string; last: Date | null }>();
    return {
      answered: Number(row?.answered ?? 0),
      lastSavedAt: row?.last ? new Date(row.last) : null,
    };
  }

  /**
   * How many questions each attempt of an exam answered and when it last saved. Raw SQL: an aggregate over the
   * answers of one exam's attempts through a join the entities do not model.
   */
  async saveSummariesOfExam(examId: string): Promise<Map<string, SaveSummary>> {
    const rows: { attempt_id: string; answered: number | string; last_saved: Date | null }[] =
      await this.dataSource.query(
        `SELECT x.attempt_id, COUNT(*) AS answered, MAX(x.saved_at) AS last_saved
           FROM attempt_answers x JOIN exam_attempts a ON a.id = x.attempt_id
          WHERE a.exam_id = ?
          GROUP BY x.attempt_id`,
        [examId],
      );
    return new Map(
      rows.map((r) => [
        r.attempt_id,
        { answered: Number(r.answered), lastSavedAt: r.last_saved === null ? null : new Date(r.last_saved) },
      ]),
    );
  }
}
