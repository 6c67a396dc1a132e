import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  AttemptNotFoundError,
  AttemptTerminatedError,
  DeviceIdRequiredError,
} from '../attempt/attempt.errors';
import { assertHolder } from '../attempt/attempt-answers.service';
import { isLive, nextAttemptStatus } from '../attempt/domain/attempt-state';
import { deviceIdOf } from '../attempt/domain/device';
import { ExamRepository } from '../exam/exam.repository';
import type { AntiCheatPolicy } from '../exam/exam-settings';
import {
  distinctEvents,
  type FaceCheckResult,
  type ReportedEvent,
  reportedEventProblems,
} from './domain/proctoring-event';
import {
  applyEvent,
  EMPTY_TALLY,
  type PolicyOutcome,
  type ProctoringTally,
  strongestOutcome,
} from './domain/proctoring-policy';
import { type ControlledAttemptRow, ProctoredAttemptRepository } from './proctored-attempt.repository';
import {
  AttemptChangedConcurrentlyError,
  ProctoredAttemptClosedError,
  ProctoringEventInvalidError,
} from './proctoring.errors';
import { ProctoringRepository } from './proctoring.repository';
import { ProctoringEventEntity } from './proctoring-event.entity';
import { ProctoringFaceCheck } from './proctoring-face-check';

/** A client's time further than this from the server's is not kept (it is informative only). */
const CLIENT_CLOCK_TOLERANCE_MS = 24 * 3600_000;

export interface ReportRequest {
  readonly userId: string;
  readonly attemptId: string;
  readonly deviceHeader: string | undefined;
  readonly events: readonly ReportedEvent[];
}

export interface ReportedEventResult {
  readonly event: ProctoringEventEntity;
  /** True when an earlier delivery of the batch already recorded it. */
  readonly duplicate: boolean;
}

export interface ReportResult {
  readonly attemptId: string;
  readonly events: readonly ReportedEventResult[];
  /** The most severe outcome among the batch's events. */
  readonly outcome: PolicyOutcome;
  readonly tally: ProctoringTally;
  readonly policy: AntiCheatPolicy;
  readonly now: Date;
}

/**
 * The exam room's proctoring reports: each batch is recorded once (by the client's event ids) on the locked
 * attempt, counted against the exam's anti-cheat policy in server order, and its consequences (warnings, a flag,
 * termination) applied and published in the same transaction.
 */
@Injectable()
export class ProctoringEventsService {
  constructor(
    private readonly proctoring: ProctoringRepository,
    private readonly attempts: ProctoredAttemptRepository,
    private readonly exams: ExamRepository,
    private readonly faceCheck: ProctoringFaceCheck,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async report(request: ReportRequest): Promise<ReportResult> {
    const deviceId = deviceIdOf(request.deviceHeader);
    if (deviceId === null) throw new DeviceIdRequiredError();
    const problems = request.events.flatMap((e, i) => reportedEventProblems(e, i));
    if (problems.length > 0) throw new ProctoringEventInvalidError(problems);
    const batch = distinctEvents(request.events);
    return this.proctoring.transaction(async (tx) => {
      const attempt = await this.attempts.lockOfUser(tx, request.attemptId, request.userId);
      if (attempt === null) throw new AttemptNotFoundError();
      const exam = await this.exams.findById(attempt.examId, tx);
      if (exam === null) throw new AttemptNotFoundError();
      const policy = exam.settings.antiCheat;
      const now = this.clock.now();
      const stored = new Map(
        (
          await this.proctoring.findByClientIds(
            tx,
            attempt.id,
            batch.map((e) => e.clientEventId),
          )
        ).map((e) => [e.clientEventId, e]),
      );
      const fresh = batch.filter((e) => !stored.has(e.clientEventId));
      let tally = await this.tallyOf(tx, attempt);
      if (fresh.length > 0) {
        if (attempt.status === 'terminated') throw new AttemptTerminatedError();
        if (!isLive(attempt.status) || (attempt.pausedAt === null && now > attempt.saveUntil))
          throw new ProctoredAttemptClosedError(attempt.status);
        assertHolder(attempt, deviceId);
        const recorded: ProctoringEventEntity[] = [];
        const before = tally;
        for (const event of fresh) {
          const faceCheck =
            event.kind === 'face_check' ? await this.judgeFace(tx, attempt, event, now) : null;
          // While staff hold the attempt paused nothing counts: the candidate may be away on their instruction.
          const applied =
            attempt.pausedAt === null
              ? applyEvent(policy, tally, {
                  kind: event.kind,
                  durationSeconds: event.durationSeconds ?? null,
                  faceCheck: faceCheck?.result ?? null,
                })
              : { rule: null, outcome: 'recorded' as const, tally };
          tally = applied.tally;
          const row = this.rowOf(attempt, event, now, applied.rule, applied.outcome, faceCheck);
          recorded.push(row);
          stored.set(event.clientEventId, row);
        }
        await this.proctoring.insertEvents(tx, recorded);
        await this.applyConsequences(tx, attempt, before, tally, recorded, now);
      }
      const results = batch.map((e) => {
        const event = stored.get(e.clientEventId);
        if (event === undefined) throw new Error('every event of the batch is recorded');
        return { event, duplicate: !fresh.includes(e) };
      });
      return {
        attemptId: attempt.id,
        events: results,
        outcome: strongestOutcome(results.map((r) => r.event.outcome)),
        tally,
        policy,
        now,
      };
    });
  }

  private async tallyOf(tx: EntityManager, attempt: ControlledAttemptRow): Promise<ProctoringTally> {
    const counted = await this.proctoring.tallyOf(tx, attempt.id);
    return {
      counts: { ...EMPTY_TALLY.counts, ...counted.counts },
      warnings: counted.warnings,
      flagged: attempt.flaggedAt !== null,
      terminated: attempt.status === 'terminated',
    };
  }

  /** The server's judgement of a periodic face check; a genuine token is claimed for its one use here. */
  private async judgeFace(
    tx: EntityManager,
    attempt: ControlledAttemptRow,
    event: ReportedEvent,
    now: Date,
  ): Promise<{ result: FaceCheckResult; verificationId: string | null }> {
    const check = this.faceCheck.judge(event.faceCheckToken, attempt.examId, attempt.userId);
    if (check.claims === null) return { result: check.result, verificationId: null };
    const first = await this.proctoring.claimFaceCheck(tx, {
      jti: check.claims.jti,
      attemptId: attempt.id,
      userId: attempt.userId,
      examId: attempt.examId,
      verificationId: check.claims.verificationId,
      usedAt: now,
    });
    return first
      ? { result: 'passed', verificationId: check.claims.verificationId }
      : { result: 'replayed', verificationId: null };
  }

  private rowOf(
    attempt: ControlledAttemptRow,
    event: ReportedEvent,
    now: Date,
    rule: ProctoringEventEntity['rule'],
    outcome: PolicyOutcome,
    faceCheck: { result: FaceCheckResult; verificationId: string | null } | null,
  ): ProctoringEventEntity {
    const clientAt = event.occurredAt === undefined ? null : new Date(event.occurredAt);
    return Object.assign(new ProctoringEventEntity(), {
      attemptId: attempt.id,
      examId: attempt.examId,
      institutionId: attempt.institutionId,
      userId: attempt.userId,
      clientEventId: event.clientEventId,
      kind: event.kind,
      durationSeconds: event.durationSeconds ?? null,
      detail: faceCheck?.result ?? event.clipboardAction ?? null,
      verificationId: faceCheck?.verificationId ?? null,
      rule,
      outcome,
      clientAt:
        clientAt !== null && Math.abs(clientAt.getTime() - now.getTime()) <= CLIENT_CLOCK_TOLERANCE_MS
          ? clientAt
          : null,
      recordedAt: now,
    });
  }

  /**
   * Flags or terminates the attempt when the batch called for it, and publishes every warning, the first flag
   * and the termination for audit. Terminating goes through the state machine and keeps the saved answers.
   */
  private async applyConsequences(
    tx: EntityManager,
    attempt: ControlledAttemptRow,
    before: ProctoringTally,
    after: ProctoringTally,
    recorded: readonly ProctoringEventEntity[],
    now: Date,
  ): Promise<void> {
    let warnings = before.warnings;
    let flagged = before.flagged;
    const counts = { ...before.counts };
    const published: {
      rule: NonNullable<ProctoringEventEntity['rule']>;
      consequence: 'warning' | 'flagged' | 'terminated';
      count: number;
      warnings: number;
    }[] = [];
    for (const event of recorded) {
      if (event.rule === null) continue;
      counts[event.rule] += 1;
      if (event.outcome === 'warning') warnings += 1;
      const firstFlag = event.outcome === 'flagged' && !flagged;
      if (event.outcome === 'flagged') flagged = true;
      if (event.outcome === 'warning' || firstFlag || event.outcome === 'terminated')
        published.push({
          rule: event.rule,
          consequence:
            event.outcome === 'warning' ? 'warning' : event.outcome === 'flagged' ? 'flagged' : 'terminated',
          count: counts[event.rule],
          warnings,
        });
    }
    if (after.terminated && !before.terminated) {
      const status = nextAttemptStatus(attempt.status, 'terminate');
      if (status === null) throw new ProctoredAttemptClosedError(attempt.status);
      const changed = await this.attempts.changeIf(
        tx,
        attempt.id,
        { status: attempt.status, paused: attempt.pausedAt !== null },
        {
          status,
          live: null,
          pausedAt: null,
          flaggedAt: attempt.flaggedAt ?? (after.flagged ? now : null),
          updatedAt: now,
        },
      );
      if (!changed) throw new AttemptChangedConcurrentlyError();
    } else if (after.flagged && !before.flagged) {
      const changed = await this.attempts.changeIf(
        tx,
        attempt.id,
        { status: attempt.status, paused: attempt.pausedAt !== null },
        { flaggedAt: now, updatedAt: now },
      );
      if (!changed) throw new AttemptChangedConcurrentlyError();
    }
    if (published.length > 0)
      await this.events.stageMany(
        tx,
        Topics.ProctoringConsequenceApplied,
        published.map((p) => ({
          subjectId: attempt.id,
          payload: {
            attemptId: attempt.id,
            examId: attempt.examId,
            institutionId: attempt.institutionId,
            userId: attempt.userId,
            rule: p.rule,
            consequence: p.consequence,
            count: p.count,
            warnings: p.warnings,
            appliedAt: now.toISOString(),
          },
        })),
      );
  }
}
