import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import type { AttemptEntity } from './attempt.entity';
import {
  AnswerInvalidError,
  AttemptNotFoundError,
  AttemptNotInProgressError,
  AttemptPausedError,
  AttemptTerminatedError,
  DeadlinePassedError,
  DeviceIdRequiredError,
  HeldByOtherDeviceError,
  QuestionNotInPaperError,
  TakenOverError,
} from './attempt.errors';
import { AttemptRepository } from './attempt.repository';
import type { AttemptAnswerEntity } from './attempt-answer.entity';
import { AttemptPaperCache, type CachedPaper } from './attempt-paper-cache';
import { type AnswerValue, checkAnswer } from './domain/answer';
import { acceptsAnswers, type AttemptStatus } from './domain/attempt-state';
import { deviceIdOf, deviceRole } from './domain/device';
import { saveOutcome } from './domain/save-order';
import type { PaperBody } from './paper-body/paper-body';

export interface SaveRequest {
  readonly userId: string;
  readonly attemptId: string;
  readonly questionId: string;
  readonly deviceHeader: string | undefined;
  readonly seq: number;
  readonly idempotencyKey: string;
  readonly answer: AnswerValue;
}

export interface SaveResult {
  /** True when the server now holds this save (applied now or by an earlier retry of it). */
  readonly applied: boolean;
  readonly questionId: string;
  readonly held: { readonly seq: number; readonly answer: AnswerValue; readonly savedAt: Date };
  readonly deadlineAt: Date;
  readonly saveUntil: Date;
  readonly now: Date;
}

export interface AttemptView {
  readonly attempt: AttemptEntity;
  readonly answers: readonly AttemptAnswerEntity[];
  readonly now: Date;
}

/** Refuses a device that does not hold the attempt, telling a device that was taken over apart from a stranger. */
export function assertHolder(
  attempt: { readonly id: string; readonly deviceId: string; readonly previousDeviceId: string | null },
  deviceId: string,
): void {
  switch (deviceRole(attempt, deviceId)) {
    case 'holder':
      return;
    case 'taken_over':
      throw new TakenOverError(attempt.id);
    case 'other':
      throw new HeldByOtherDeviceError(attempt.id);
  }
}

/** Autosave, resume and takeover of a running attempt. */
@Injectable()
export class AttemptAnswersService {
  constructor(
    private readonly attempts: AttemptRepository,
    private readonly papers: AttemptPaperCache,
    private readonly clock: Clock,
  ) {}

  /** Every saved answer and the time left, for the device that holds the attempt (resume after reload or crash). */
  async resume(userId: string, attemptId: string, deviceHeader: string | undefined): Promise<AttemptView> {
    const deviceId = this.device(deviceHeader);
    const attempt = await this.attempts.findViewOfUser(attemptId, userId, false);
    if (attempt === null) throw new AttemptNotFoundError();
    if (acceptsAnswers(attempt.status)) assertHolder(attempt, deviceId);
    return { attempt, answers: await this.attempts.answersOf(attempt.id), now: this.clock.now() };
  }

  /**
   * The candidate's paper as a response body, from the per-process copy when there is one: a paper never changes
   * once its attempt started, so it is serialized (and compressed) once per attempt and process, not per request.
   */
  async paperBody(userId: string, attemptId: string): Promise<PaperBody> {
    return (await this.paperOf(userId, attemptId)).body;
  }

  /** Moves a running attempt to this device; the device that held it is refused from then on. */
  async takeOver(userId: string, attemptId: string, deviceHeader: string | undefined): Promise<AttemptView> {
    const deviceId = this.device(deviceHeader);
    const moved = await this.attempts.takeOver(attemptId, userId, deviceId, this.clock.now());
    const attempt = await this.attempts.findViewOfUser(attemptId, userId, false);
    if (attempt === null) throw new AttemptNotFoundError();
    if (!moved) throw new AttemptNotInProgressError(attempt.status);
    return { attempt, answers: await this.attempts.answersOf(attempt.id), now: this.clock.now() };
  }

  /**
   * One autosave: checked against the frozen paper (cached per process), written by one conditional upsert,
   * then answered with what the server holds. A save the upsert did not take is explained: not in progress,
   * another device, past the save window, or superseded by a higher sequence number.
   */
  async save(request: SaveRequest): Promise<SaveResult> {
    const deviceId = this.device(request.deviceHeader);
    const paper = await this.paperOf(request.userId, request.attemptId);
    const view = paper.questions.get(request.questionId);
    if (view === undefined) throw new QuestionNotInPaperError();
    const problems = checkAnswer(view, request.answer);
    if (problems.length > 0) throw new AnswerInvalidError(problems);
    const now = this.clock.now();
    await this.attempts.saveAnswer({
      attemptId: request.attemptId,
      userId: request.userId,
      deviceId,
      questionId: request.questionId,
      seq: request.seq,
      idempotencyKey: request.idempotencyKey,
      answer: request.answer,
      now,
    });
    const state = await this.attempts.heldAnswer(request.attemptId, request.userId, request.questionId);
    if (state === null) throw new AttemptNotFoundError();
    const sent = { seq: request.seq, idempotencyKey: request.idempotencyKey };
    const outcome = saveOutcome(state.held, sent);
    if (outcome === 'superseded' || state.held === null)
      this.explainRefusal(request.attemptId, state, deviceId, now);
    if (state.held === null) throw new AttemptNotFoundError();
    return {
      applied: outcome === 'held',
      questionId: request.questionId,
      held: { seq: state.held.seq, answer: state.held.answer, savedAt: state.held.savedAt },
      deadlineAt: state.deadlineAt,
      saveUntil: state.saveUntil,
      now,
    };
  }

  /** Throws why the upsert could not apply, when the attempt itself refused it; returns for a superseded save. */
  private explainRefusal(
    attemptId: string,
    state: {
      readonly status: AttemptStatus;
      readonly deviceId: string;
      readonly previousDeviceId: string | null;
      readonly saveUntil: Date;
      readonly pausedAt: Date | null;
    },
    deviceId: string,
    now: Date,
  ): void {
    if (state.status === 'terminated') throw new AttemptTerminatedError();
    if (!acceptsAnswers(state.status)) throw new AttemptNotInProgressError(state.status);
    if (state.pausedAt !== null) throw new AttemptPausedError(state.pausedAt);
    if (now > state.saveUntil) throw new DeadlinePassedError(state.saveUntil);
    assertHolder({ ...state, id: attemptId }, deviceId);
  }

  private async paperOf(userId: string, attemptId: string): Promise<CachedPaper> {
    const cached = this.papers.get(attemptId);
    if (cached !== undefined) {
      if (cached.userId !== userId) throw new AttemptNotFoundError();
      return cached;
    }
    const attempt = await this.attempts.findViewOfUser(attemptId, userId, true);
    if (attempt === null) throw new AttemptNotFoundError();
    return this.papers.put(attempt.id, attempt.userId, attempt.paper);
  }

  private device(header: string | undefined): string {
    const deviceId = deviceIdOf(header);
    if (deviceId === null) throw new DeviceIdRequiredError();
    return deviceId;
  }
}
