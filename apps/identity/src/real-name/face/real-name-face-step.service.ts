import { randomUUID } from 'node:crypto';

import { maskValue } from '@exam/crypto';
import { Clock, EventPublisher } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  AUTHORITY_PROVIDER,
  type AuthorityDecision,
  type AuthorityProvider,
} from '../../authority/authority.provider';
import { IdentityEnv } from '../../config/identity.env';
import { FaceEnrolmentService } from '../../face/face-enrolment.service';
import { calendarDateIn, formatDate } from '../../id-number';
import { AttemptBudgetRepository } from '../attempt-budget.repository';
import {
  AlreadyFaceVerifiedError,
  AttemptBudgetExhaustedError,
  AuthorityUnavailableError,
  RealNameNotFoundError,
} from '../real-name.errors';
import type { VerificationOutcome } from '../real-name.service';
import type { RealNameRecordEntity } from '../real-name-record.entity';
import { RealNameRecordRepository } from '../real-name-record.repository';
import { attemptRecord } from '../verification-attempt.entity';
import { VerificationAttemptRepository } from '../verification-attempt.repository';
import type { RealNameFaceAnswerDto } from './dto/real-name-face.dto';
import { localLivenessFailure, localLivenessReason } from './local-liveness-decision';
import { type LivenessResult, RealNameLivenessService } from './real-name-liveness.service';

/**
 * The face step for an account whose real name was verified by name and number alone: the live capture of a
 * passed liveness challenge goes to the authority with the verified name and number, and only its match with
 * the register photo makes the account face-verified (and that capture its face template). Same budget, same
 * one-answer challenge and same "no biometric leaves on a local liveness failure" as the first verification.
 */
@Injectable()
export class RealNameFaceStepService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RealNameRecordRepository,
    private readonly attempts: VerificationAttemptRepository,
    private readonly budget: AttemptBudgetRepository,
    private readonly liveness: RealNameLivenessService,
    private readonly faces: FaceEnrolmentService,
    private readonly events: EventPublisher,
    private readonly env: IdentityEnv,
    @Inject(AUTHORITY_PROVIDER) private readonly authority: AuthorityProvider,
    private readonly clock: Clock,
  ) {}

  async addFace(userId: string, answer: RealNameFaceAnswerDto): Promise<VerificationOutcome> {
    const record = await this.records.findByUser(userId);
    if (record === null) throw new RealNameNotFoundError();
    if (record.faceVerified) throw new AlreadyFaceVerifiedError();
    const frames = answer.frames.map((frame) => Buffer.from(frame, 'base64'));
    const challenge = await this.liveness.claim(userId, {
      challengeId: answer.challengeId,
      nonce: answer.nonce,
      frames,
    });
    const day = formatDate(calendarDateIn(this.clock.now()));
    const left = await this.budget.reserve(userId, day, 1, this.env.REAL_NAME_DAILY_ATTEMPTS);
    if (left === undefined) throw new AttemptBudgetExhaustedError(this.env.REAL_NAME_DAILY_ATTEMPTS);

    const attemptId = randomUUID();
    const liveness = await this.liveness.evaluate(challenge, frames, answer.frameTimesMs);
    const decision = liveness.passed
      ? await this.authority.check({
          requestId: attemptId,
          name: record.name,
          idNumber: record.idNumber,
          document: { validFrom: record.validFrom, validTo: record.validTo },
          face: { image: liveness.frontal },
        })
      : localLivenessFailure(liveness.reason, liveness.modelVersion);
    const adopted = await this.record(userId, attemptId, day, record, decision, liveness);
    if (decision.result === 'rate_limited' || decision.result === 'provider_error')
      throw new AuthorityUnavailableError(decision.result);
    if (decision.result === 'match' && !adopted) throw new AlreadyFaceVerifiedError();
    return {
      attemptId,
      result: decision.result,
      verified: adopted,
      minor: record.minor,
      warnings: [],
      attemptsLeftToday: left,
      livenessReason: localLivenessReason(decision),
    };
  }

  /** Records the attempt; on a match claims the face-verified flag and adopts the capture. True when adopted. */
  private record(
    userId: string,
    attemptId: string,
    day: string,
    record: RealNameRecordEntity,
    decision: AuthorityDecision,
    liveness: LivenessResult,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      await this.attempts.insert(tx, attemptRecord(attemptId, userId, 'applicant', day, decision));
      if (decision.result !== 'match' || !liveness.passed) return false;
      if (!(await this.records.markFaceVerified(tx, userId))) return false;
      await this.faces.adoptVerifiedCapture(tx, userId, attemptId, liveness.frontalFace);
      await this.events.stage(tx, 'identity.verification.completed', {
        subjectId: userId,
        payload: {
          userId,
          verificationId: attemptId,
          result: 'match',
          maskedName: maskValue('name', record.name),
          maskedIdNumber: maskValue('idNumber', record.idNumber),
          minor: record.minor,
          faceVerified: true,
        },
      });
      return true;
    });
  }
}
