import { randomBytes, randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { VerifiedCandidateService } from '../candidate/verified-candidate.service';
import { ExamEnv } from '../config/exam.env';
import { isDuplicateKeyError } from '../database/duplicate-key';
import type { ExamEntity } from '../exam/exam.entity';
import { ExamNotFoundError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import { ipAllowed } from '../exam/exam-settings';
import { passwordMatches } from '../exam/exams.service';
import { buildCandidatePaper } from '../paper/paper-structure';
import { RegistrationRepository } from '../registration/registration.repository';
import { AttemptEntity } from './attempt.entity';
import {
  AccessPasswordWrongError,
  AttemptRealNameRequiredError,
  DeviceIdRequiredError,
  ExamClosedForAttemptsError,
  ExamNotOpenYetError,
  FaceCheckReplayedError,
  FaceCheckRequiredError,
  HeldByOtherDeviceError,
  IpNotAllowedError,
  LateEntryClosedError,
  NoAttemptsLeftError,
  NotRegisteredError,
  PaperUnavailableError,
  PaymentRequiredError,
  RegistrationPendingReviewError,
} from './attempt.errors';
import { AttemptRepository } from './attempt.repository';
import type { AttemptAnswerEntity } from './attempt-answer.entity';
import { AttemptFaceCheck } from './attempt-face-check';
import { AttemptFaceCheckEntity } from './attempt-face-check.entity';
import { AttemptPaperCache } from './attempt-paper-cache';
import { answerKeyRefsOf } from './domain/attempt-paper';
import { nextAttemptStatus } from './domain/attempt-state';
import {
  attemptDeadline,
  type AttemptSchedule,
  earliestSubmit,
  saveCutoff,
  startRefusal,
} from './domain/attempt-timing';
import { deviceIdOf, deviceRole } from './domain/device';
import { PaperSnapshotCache } from './paper-snapshot-cache';

export interface StartRequest {
  readonly userId: string;
  readonly examId: string;
  readonly deviceHeader: string | undefined;
  readonly ip: string;
  readonly faceCheckToken?: string | undefined;
  readonly accessPassword?: string | undefined;
}

export interface StartResult {
  readonly attempt: AttemptEntity;
  /** Its saved answers (none for a new attempt). */
  readonly answers: readonly AttemptAnswerEntity[];
  /** True when the candidate already had this attempt running and got it back. */
  readonly resumed: boolean;
  readonly now: Date;
}

/**
 * Starting an attempt: every entry rule checked in turn, each refusal with its own code; then the attempt is
 * written once with its frozen paper and server-computed deadline. A unique key on the live attempt makes
 * concurrent starts end with one attempt, which every caller gets back.
 */
@Injectable()
export class AttemptStartService {
  constructor(
    private readonly attempts: AttemptRepository,
    private readonly exams: ExamRepository,
    private readonly registrations: RegistrationRepository,
    private readonly candidates: VerifiedCandidateService,
    private readonly faceCheck: AttemptFaceCheck,
    private readonly papers: AttemptPaperCache,
    private readonly snapshots: PaperSnapshotCache,
    private readonly env: ExamEnv,
    private readonly clock: Clock,
  ) {}

  async start(request: StartRequest): Promise<StartResult> {
    const deviceId = deviceIdOf(request.deviceHeader);
    if (deviceId === null) throw new DeviceIdRequiredError();
    const exam = await this.exams.findWithoutSnapshot(request.examId);
    if (exam === null || exam.status === 'draft') throw new ExamNotFoundError();
    if (!ipAllowed(exam.settings.allowedIpRanges, request.ip)) throw new IpNotAllowedError();
    const started = await this.attempts.startState(exam.id, request.userId);
    if (started.liveId !== null) {
      const live = await this.attempts.findOfUser(started.liveId, request.userId);
      // Closed between the two reads: it no longer blocks a new attempt.
      if (live?.live === 1) return this.resume(live, deviceId);
    }

    const now = this.clock.now();
    const accommodation = await this.exams.findAccommodation(exam.id, request.userId);
    const schedule = this.scheduleOf(exam, accommodation);
    if (exam.status !== 'published') throw new ExamClosedForAttemptsError(exam.closesAt);
    const refusal = startRefusal(schedule, now);
    if (refusal !== null) {
      switch (refusal.reason) {
        case 'not_open':
          throw new ExamNotOpenYetError(refusal.opensAt);
        case 'closed':
          throw new ExamClosedForAttemptsError(refusal.closesAt);
        case 'late_entry':
          throw new LateEntryClosedError(refusal.cutoff);
      }
    }
    const seed = await this.seedOf(exam, request.userId);
    if (exam.requiresRealName && (await this.candidates.find(request.userId)) === null)
      throw new AttemptRealNameRequiredError();
    const allowed = exam.settings.attemptsAllowed;
    const used = started.last;
    const limit = allowed === 0 ? 0 : allowed + (accommodation?.extraAttempts ?? 0);
    if (limit > 0 && used >= limit) {
      // A concurrent start of this candidate may have just written the attempt this one would have been.
      const racing = await this.attempts.findLive(exam.id, request.userId);
      if (racing !== null) return this.resume(racing, deviceId);
      throw new NoAttemptsLeftError(limit);
    }
    const passwordHash = exam.settings.accessPasswordHash;
    if (
      passwordHash !== null &&
      (request.accessPassword === undefined || !passwordMatches(passwordHash, request.accessPassword))
    )
      throw new AccessPasswordWrongError();
    const claims = exam.settings.faceCheckAtEntry
      ? this.faceCheck.verify(this.requireToken(request.faceCheckToken), exam.id, request.userId)
      : null;
    const snapshot =
      exam.publishedAt === null
        ? null
        : await this.snapshots.get(exam.id, () => this.exams.findSnapshot(exam.id));
    if (snapshot === null) throw new PaperUnavailableError();

    const paper = buildCandidatePaper(snapshot, seed);
    const deadlineAt = attemptDeadline(schedule, now);
    const status = nextAttemptStatus('created', 'start');
    if (status === null) throw new Error('an attempt cannot start');
    const attempt = Object.assign(new AttemptEntity(), {
      id: randomUUID(),
      examId: exam.id,
      institutionId: exam.institutionId,
      userId: request.userId,
      attemptNo: used + 1,
      status,
      live: 1,
      seed,
      paper,
      answerKey: answerKeyRefsOf(snapshot, paper),
      deviceId,
      previousDeviceId: null,
      startedAt: now,
      deadlineAt,
      saveUntil: saveCutoff(
        deadlineAt,
        exam.settings.onExpiry === 'grace' ? exam.settings.graceMinutes : 0,
        this.env.EXAM_SAVE_GRACE_SECONDS,
      ),
      earliestSubmitAt: earliestSubmit(now, exam.settings.minMinutesBeforeSubmit, deadlineAt),
      pausedAt: null,
      flaggedAt: null,
      submittedAt: null,
      closedBy: null,
      questionScores: null,
      objectiveScore: null,
      score: null,
      maxScore: paper.totalScore,
      createdAt: now,
      updatedAt: now,
    });
    try {
      // One autocommit insert when there is nothing else to record (a hall starting at once pays one round trip,
      // not BEGIN + INSERT + COMMIT); with a face-check token, the attempt and the token's single use together.
      if (claims === null) await this.attempts.insert(null, attempt);
      else
        await this.attempts.transaction(async (tx) => {
          await this.attempts.insert(tx, attempt);
          await this.attempts.recordFaceCheck(
            tx,
            Object.assign(new AttemptFaceCheckEntity(), {
              jti: claims.jti,
              attemptId: attempt.id,
              userId: request.userId,
              examId: exam.id,
              verificationId: claims.verificationId,
              usedAt: now,
              purpose: 'exam_start',
            }),
          );
        });
    } catch (error: unknown) {
      if (!isDuplicateKeyError(error)) throw error;
      // Another start of the same candidate won the race (the live attempt's unique key): hand theirs back.
      const winner = await this.attempts.findLive(exam.id, request.userId);
      if (winner !== null) return this.resume(winner, deviceId);
      if (claims !== null) throw new FaceCheckReplayedError();
      throw error;
    }
    this.papers.put(attempt.id, attempt.userId, attempt.paper);
    return { attempt, answers: [], resumed: false, now };
  }

  private async resume(live: AttemptEntity, deviceId: string): Promise<StartResult> {
    if (deviceRole(live, deviceId) !== 'holder') throw new HeldByOtherDeviceError(live.id);
    this.papers.put(live.id, live.userId, live.paper);
    return {
      attempt: live,
      answers: await this.attempts.answersOf(live.id),
      resumed: true,
      now: this.clock.now(),
    };
  }

  private requireToken(token: string | undefined): string {
    if (token === undefined || token === '') throw new FaceCheckRequiredError();
    return token;
  }

  private scheduleOf(
    exam: ExamEntity,
    accommodation: Awaited<ReturnType<ExamRepository['findAccommodation']>>,
  ): AttemptSchedule {
    return {
      practice: exam.practice,
      opensAt: exam.opensAt,
      closesAt: exam.closesAt,
      durationMinutes: exam.settings.durationMinutes,
      lateEntryMinutes: exam.settings.lateEntryMinutes,
      graceMinutes: exam.settings.onExpiry === 'grace' ? exam.settings.graceMinutes : 0,
      accommodation:
        accommodation === null
          ? null
          : {
              extraMinutes: accommodation.extraMinutes,
              windowOpensAt: accommodation.windowOpensAt,
              windowClosesAt: accommodation.windowClosesAt,
            },
    };
  }

  /** The paper's seed: the registration's for a registered exam (a confirmed, paid one); a fresh one for practice. */
  private async seedOf(exam: ExamEntity, userId: string): Promise<string> {
    if (exam.practice) return randomBytes(8).toString('hex');
    const registration = await this.registrations.findActiveOf(exam.id, userId);
    if (registration === null) throw new NotRegisteredError();
    switch (registration.status) {
      case 'confirmed':
        return registration.seed;
      case 'pending_review':
        throw new RegistrationPendingReviewError();
      case 'pending_payment':
        throw new PaymentRequiredError(registration.feeFen);
      case 'rejected':
      case 'cancelled':
        throw new NotRegisteredError();
    }
  }
}
