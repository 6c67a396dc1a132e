import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, Repository } from 'typeorm';

import { AttemptEntity } from './attempt.entity';
import { AttemptAnswerEntity } from './attempt-answer.entity';
import { AttemptFaceCheckEntity } from './attempt-face-check.entity';
import type { AnswerValue } from './domain/answer';
import type { AttemptStatus } from './domain/attempt-state';

export interface AnswerSave {
  readonly attemptId: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly questionId: string;
  readonly seq: number;
  readonly idempotencyKey: string;
  readonly answer: AnswerValue;
  readonly now: Date;
}

/** The attempt's state and the answer the server holds for one question, read right after a save. */
export interface HeldAnswerState {
  readonly status: AttemptStatus;
  readonly deviceId: string;
  readonly previousDeviceId: string | null;
  readonly deadlineAt: Date;
  readonly saveUntil: Date;
  readonly pausedAt: Date | null;
  readonly held: {
    readonly seq: number;
    readonly idempotencyKey: string;
    readonly answer: AnswerValue;
    readonly savedAt: Date;
  } | null;
}

interface HeldRow {
  status: AttemptStatus;
  device_id: string;
  previous_device_id: string | null;
  deadline_at: Date;
  save_until: Date;
  paused_at: Date | null;
  seq: number | string | null;
  idempotency_key: string | null;
  answer: string | AnswerValue | null;
  saved_at: Date | null;
}

function parseAnswer(value: string | AnswerValue): AnswerValue {
  return typeof value === 'string' ? (JSON.parse(value) as AnswerValue) : value;
}

/** Persistence of the attempt aggregate: the attempt, its saved answers and the face-check tokens it used. */
@Injectable()
export class AttemptRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
    @InjectRepository(AttemptAnswerEntity) private readonly answers: Repository<AttemptAnswerEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findOfUser(attemptId: string, userId: string): Promise<AttemptEntity | null> {
    return this.attempts.findOne({ where: { id: attemptId, userId } });
  }

  /**
   * The attempt as its candidate sees it: never the answer key (the largest column, parsed for nothing), and
   * the paper only when the caller has no copy (`withPaper`; without it `paper` is left unset). Resume and the
   * paper route run this for a whole hall at the start of an exam.
   */
  findViewOfUser(attemptId: string, userId: string, withPaper: boolean): Promise<AttemptEntity | null> {
    this.viewColumns ??= {
      withPaper: this.columnsBut(['answerKey']),
      withoutPaper: this.columnsBut(['answerKey', 'paper']),
    };
    const select = withPaper ? this.viewColumns.withPaper : this.viewColumns.withoutPaper;
    return this.attempts.findOne({ where: { id: attemptId, userId }, select });
  }

  /** The select lists of findViewOfUser, built once from the entity's columns. */
  private viewColumns?: {
    readonly withPaper: (keyof AttemptEntity)[];
    readonly withoutPaper: (keyof AttemptEntity)[];
  };

  private columnsBut(skipped: readonly string[]): (keyof AttemptEntity)[] {
    return this.attempts.metadata.columns
      .map((column) => column.propertyName)
      .filter((name) => !skipped.includes(name)) as (keyof AttemptEntity)[];
  }

  /**
   * The candidate's attempt, locked, to close it: every column but the paper (`paper` is left unset), which
   * closing never reads and which is the row's largest value after the key grading needs.
   */
  lockOfUser(tx: EntityManager, attemptId: string, userId: string): Promise<AttemptEntity | null> {
    this.lockColumns ??= this.columnsBut(['paper']);
    return tx.getRepository(AttemptEntity).findOne({
      where: { id: attemptId, userId },
      select: this.lockColumns,
      lock: { mode: 'pessimistic_write' },
    });
  }

  private lockColumns?: (keyof AttemptEntity)[];

  findLive(examId: string, userId: string): Promise<AttemptEntity | null> {
    return this.attempts.findOne({ where: { examId, userId, live: 1 } });
  }

  /**
   * What a start needs of the candidate's attempts at an exam, in one read: the live attempt's id (if any) and
   * the highest attempt number used (0 before the first). Raw SQL: two aggregates over the same index range
   * that would otherwise be two round trips on the start path, which a whole exam hall takes at once.
   */
  async startState(examId: string, userId: string): Promise<{ liveId: string | null; last: number }> {
    const rows: { live_id: string | null; last: number | string | null }[] = await this.dataSource.query(
      `SELECT MAX(CASE WHEN live = 1 THEN id END) AS live_id, MAX(attempt_no) AS last
         FROM exam_attempts WHERE exam_id = ? AND user_id = ?`,
      [examId, userId],
    );
    const row = rows.at(0);
    return { liveId: row?.live_id ?? null, last: Number(row?.last ?? 0) };
  }

  /** Throws a duplicate-key error when the candidate already has a live attempt or this number is taken. */
  async insert(tx: EntityManager | null, attempt: AttemptEntity): Promise<void> {
    await (tx === null ? this.attempts : tx.getRepository(AttemptEntity)).insert(attempt);
  }

  /** Throws a duplicate-key error when the token (its jti) was used before. */
  async recordFaceCheck(tx: EntityManager, check: AttemptFaceCheckEntity): Promise<void> {
    await tx.getRepository(AttemptFaceCheckEntity).insert(check);
  }

  /**
   * Saves one answer in one statement, only while the attempt is in progress (and not paused), held by this
   * device and inside its save window, and only over an answer with a lower sequence number (see replacesHeld). Raw SQL: a
   * conditional INSERT … SELECT … ON DUPLICATE KEY UPDATE upsert on the hot autosave path, without hydrating
   * the attempt. Column order matters: `seq` is assigned last, so the IFs compare with the stored sequence.
   */
  async saveAnswer(save: AnswerSave): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO attempt_answers (attempt_id, question_id, seq, idempotency_key, answer, saved_at)
       SELECT a.id, ?, ?, ?, ?, ? FROM exam_attempts a
        WHERE a.id = ? AND a.user_id = ? AND a.status = 'in_progress' AND a.paused_at IS NULL
          AND a.device_id = ? AND a.save_until >= ?
       ON DUPLICATE KEY UPDATE
         answer = IF(VALUES(seq) > seq, VALUES(answer), answer),
         idempotency_key = IF(VALUES(seq) > seq, VALUES(idempotency_key), idempotency_key),
         saved_at = IF(VALUES(seq) > seq, VALUES(saved_at), saved_at),
         seq = GREATEST(seq, VALUES(seq))`,
      [
        save.questionId,
        save.seq,
        save.idempotencyKey,
        JSON.stringify(save.answer),
        save.now,
        save.attemptId,
        save.userId,
        save.deviceId,
        save.now,
      ],
    );
  }

  /**
   * The attempt's state and the answer held for a question, in one read by primary keys. Raw SQL: a join the
   * entities do not model, on the autosave path.
   */
  async heldAnswer(attemptId: string, userId: string, questionId: string): Promise<HeldAnswerState | null> {
    const rows: HeldRow[] = await this.dataSource.query(
      `SELECT a.status, a.device_id, a.previous_device_id, a.deadline_at, a.save_until, a.paused_at,
              x.seq, x.idempotency_key, x.answer, x.saved_at
         FROM exam_attempts a
         LEFT JOIN attempt_answers x ON x.attempt_id = a.id AND x.question_id = ?
        WHERE a.id = ? AND a.user_id = ?`,
      [questionId, attemptId, userId],
    );
    const [row] = rows as (HeldRow | undefined)[];
    if (row === undefined) return null;
    return {
      status: row.status,
      deviceId: row.device_id,
      previousDeviceId: row.previous_device_id,
      deadlineAt: new Date(row.deadline_at),
      saveUntil: new Date(row.save_until),
      pausedAt: row.paused_at === null ? null : new Date(row.paused_at),
      held:
        row.seq === null || row.answer === null || row.saved_at === null
          ? null
          : {
              seq: Number(row.seq),
              idempotencyKey: row.idempotency_key ?? '',
              answer: parseAnswer(row.answer),
              savedAt: new Date(row.saved_at),
            },
    };
  }

  answersOf(attemptId: string, tx?: EntityManager): Promise<AttemptAnswerEntity[]> {
    return (tx ? tx.getRepository(AttemptAnswerEntity) : this.answers).find({
      where: { attemptId },
      order: { questionId: 'ASC' },
    });
  }

  /**
   * Moves the attempt to `deviceId`, remembering the device it leaves so that device can be told. Raw SQL: a
   * conditional update whose first assignment reads the old holder before the second replaces it.
   */
  async takeOver(attemptId: string, userId: string, deviceId: string, now: Date): Promise<boolean> {
    const result: { affectedRows?: number } = await this.dataSource.query(
      `UPDATE exam_attempts
          SET previous_device_id = IF(device_id = ?, previous_device_id, device_id),
              device_id = ?, updated_at = ?
        WHERE id = ? AND user_id = ? AND status = 'in_progress'`,
      [deviceId, deviceId, now, attemptId, userId],
    );
    return (result.affectedRows ?? 0) > 0;
  }

  /** Writes the closing of an attempt locked in `tx` (status, scores, submission time). */
  async close(tx: EntityManager, attempt: AttemptEntity): Promise<void> {
    await tx.getRepository(AttemptEntity).update(
      { id: attempt.id, status: In(['in_progress', 'overdue']) },
      {
        status: attempt.status,
        live: null,
        submittedAt: attempt.submittedAt,
        closedBy: attempt.closedBy,
        questionScores: attempt.questionScores,
        objectiveScore: attempt.objectiveScore,
        score: attempt.score,
        updatedAt: attempt.updatedAt,
      },
    );
  }

  /**
   * Live attempts whose save window ended before `now`, locked; rows another replica holds are skipped, so
   * several replicas finalise disjoint sets at once. A paused attempt's clock is stopped: it waits for its
   * resume, which moves its save window. The query builder says the SKIP LOCKED.
   */
  claimDue(tx: EntityManager, now: Date, limit: number): Promise<AttemptEntity[]> {
    return tx
      .getRepository(AttemptEntity)
      .createQueryBuilder('a')
      .where("a.status IN ('in_progress', 'overdue')")
      .andWhere('a.save_until < :now', { now })
      .andWhere('a.paused_at IS NULL')
      .orderBy('a.save_until', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Every attempt of a candidate at an exam, oldest first. */
  ofUserAtExam(examId: string, userId: string): Promise<AttemptEntity[]> {
    return this.attempts.find({ where: { examId, userId }, order: { attemptNo: 'ASC' }, take: 200 });
  }

  /**
   * The graded attempts of an exam, for results and statistics: only the columns they read (not the paper
   * or its key, which are large).
   */
  gradedOfExam(examId: string): Promise<AttemptEntity[]> {
    return this.attempts.find({
      select: {
        id: true,
        examId: true,
        userId: true,
        attemptNo: true,
        status: true,
        questionScores: true,
        score: true,
        maxScore: true,
        startedAt: true,
        submittedAt: true,
      },
      where: { examId, status: 'graded' },
      order: { userId: 'ASC', attemptNo: 'ASC' },
    });
  }

  /** How many closed attempts of the exam still wait for a marker. */
  awaitingMarking(examId: string): Promise<number> {
    return this.attempts.count({ where: { examId, status: 'submitted' } });
  }
}
