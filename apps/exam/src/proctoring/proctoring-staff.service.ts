import { createHash, randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { nextAttemptStatus } from '../attempt/domain/attempt-state';
import {
  type ControlledAttempt,
  pausedFor,
  shiftedTimes,
  type StaffAction,
  staffActionRefusal,
} from './domain/staff-action';
import {
  type AttemptControlChange,
  type ControlledAttemptRow,
  ProctoredAttemptRepository,
  type SaveSummary,
} from './proctored-attempt.repository';
import {
  AttemptAlreadyPausedError,
  AttemptChangedConcurrentlyError,
  AttemptNotPausedError,
  ProctoredAttemptClosedError,
  ProctoredAttemptNotFoundError,
} from './proctoring.errors';
import { ProctoringRepository } from './proctoring.repository';
import { StaffActionEntity } from './staff-action.entity';

export interface StaffActionRequest {
  readonly institutionId: string;
  readonly attemptId: string;
  readonly staffUserId: string;
  readonly action: StaffAction;
  readonly reason: string;
  /** add_time only. */
  readonly minutes?: number;
}

export interface StaffActionResult {
  readonly action: StaffActionEntity;
  readonly attempt: ControlledAttemptRow;
  readonly saves: SaveSummary;
  readonly now: Date;
}

const MINUTE = 60_000;

/**
 * Staff actions on a running attempt (add time, pause, resume, terminate), each with a written reason: applied
 * on the locked attempt row and conditionally on the state read, so two staff members, the candidate's
 * submission and the deadline job never interleave; recorded and published for audit in the same transaction.
 */
@Injectable()
export class ProctoringStaffService {
  constructor(
    private readonly proctoring: ProctoringRepository,
    private readonly attempts: ProctoredAttemptRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async act(request: StaffActionRequest): Promise<StaffActionResult> {
    const done = await this.proctoring.transaction(async (tx) => {
      const attempt = await this.attempts.lockOfInstitution(tx, request.institutionId, request.attemptId);
      if (attempt === null) throw new ProctoredAttemptNotFoundError();
      const now = this.clock.now();
      this.refuseIfNotApplicable(request.action, attempt, now);
      const change = this.changeOf(request, attempt, now);
      const changed = await this.attempts.changeIf(
        tx,
        attempt.id,
        { status: attempt.status, paused: attempt.pausedAt !== null },
        change,
      );
      if (!changed) throw new AttemptChangedConcurrentlyError();
      const after: ControlledAttemptRow = { ...attempt, ...change };
      const action = Object.assign(new StaffActionEntity(), {
        id: randomUUID(),
        attemptId: attempt.id,
        examId: attempt.examId,
        institutionId: attempt.institutionId,
        staffUserId: request.staffUserId,
        action: request.action,
        minutes: request.action === 'add_time' ? (request.minutes ?? 0) : null,
        reason: request.reason,
        deadlineAt: after.deadlineAt,
        takenAt: now,
      });
      await this.proctoring.insertStaffAction(tx, action);
      await this.events.stage(tx, Topics.ProctoringStaffActionTaken, {
        subjectId: attempt.id,
        payload: {
          actionId: action.id,
          attemptId: attempt.id,
          examId: attempt.examId,
          institutionId: attempt.institutionId,
          userId: attempt.userId,
          staffUserId: request.staffUserId,
          action: request.action,
          minutes: action.minutes ?? 0,
          reasonSha256: createHash('sha256').update(request.reason, 'utf8').digest('hex'),
          deadlineAt: after.deadlineAt.toISOString(),
          takenAt: now.toISOString(),
        },
      });
      return { action, attempt: after, now };
    });
    return { ...done, saves: await this.attempts.saveSummaryOf(done.attempt.id) };
  }

  private refuseIfNotApplicable(action: StaffAction, attempt: ControlledAttempt, now: Date): void {
    switch (staffActionRefusal(action, attempt, now)) {
      case null:
        return;
      case 'closed':
        throw new ProctoredAttemptClosedError(attempt.status);
      case 'already_paused':
        throw new AttemptAlreadyPausedError(attempt.pausedAt ?? now);
      case 'not_paused':
        throw new AttemptNotPausedError();
    }
  }

  private changeOf(
    request: StaffActionRequest,
    attempt: ControlledAttemptRow,
    now: Date,
  ): AttemptControlChange {
    switch (request.action) {
      case 'add_time':
        return { ...shiftedTimes(attempt, (request.minutes ?? 0) * MINUTE), updatedAt: now };
      case 'pause':
        return { pausedAt: now, updatedAt: now };
      case 'resume':
        // The clock stood still while paused: every time of the attempt moves by the paused time.
        return {
          ...shiftedTimes(attempt, pausedFor(attempt.pausedAt ?? now, now)),
          pausedAt: null,
          updatedAt: now,
        };
      case 'terminate': {
        const status = nextAttemptStatus(attempt.status, 'terminate');
        if (status === null) throw new ProctoredAttemptClosedError(attempt.status);
        return { status, live: null, pausedAt: null, updatedAt: now };
      }
    }
  }
}
