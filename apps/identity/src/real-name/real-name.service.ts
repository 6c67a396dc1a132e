import { randomUUID } from 'node:crypto';

import type { VerificationResult } from '@exam/contracts';
import { maskValue } from '@exam/crypto';
import { Clock, EventPublisher, retryOnDeadlock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  AUTHORITY_PROVIDER,
  type AuthorityDecision,
  type AuthorityProvider,
} from '../authority/authority.provider';
import { IdentityEnv } from '../config/identity.env';
import type { SingleFace } from '../face/face-capture.service';
import { FaceEnrolmentService } from '../face/face-enrolment.service';
import { adultOn, ageOn, calendarDateIn, formatDate } from '../id-number';
import { AttemptBudgetRepository } from './attempt-budget.repository';
import type { VerifyRealNameDto } from './dto/verify-real-name.dto';
import { localLivenessFailure, localLivenessReason } from './face/local-liveness-decision';
import type { RealNameFaceChallengeEntity } from './face/real-name-face-challenge.entity';
import { RealNameLivenessService } from './face/real-name-liveness.service';
import { GuardianConsentService, type GuardianToVerify } from './guardian-consent.service';
import { IdNumberIndex } from './id-number-index';
import {
  AlreadyVerifiedError,
  AttemptBudgetExhaustedError,
  AuthorityUnavailableError,
  GuardianConsentRequiredError,
  GuardianNotAdultError,
  IdNumberTakenError,
} from './real-name.errors';
import { type ValidatedPerson, validatePeriod, validatePerson } from './real-name-input';
import { RealNameRecordEntity } from './real-name-record.entity';
import { isDuplicateKey, RealNameRecordRepository } from './real-name-record.repository';
import { attemptRecord } from './verification-attempt.entity';
import { VerificationAttemptRepository } from './verification-attempt.repository';

export const ADULT_AGE = 18;
export const GUARDIAN_CONSENT_AGE = 14;

export interface VerificationOutcome {
  readonly attemptId: string;
  readonly result: VerificationResult;
  readonly verified: boolean;
  readonly minor: boolean;
  readonly warnings: readonly string[];
  readonly attemptsLeftToday: number;
  /** Why identity's own liveness check failed (the stored reason); null for every other outcome. */
  readonly livenessReason: string | null;
}

/** Real-name verification: validate, de-duplicate, budget, ask the authority, record the decision. */
@Injectable()
export class RealNameService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RealNameRecordRepository,
    private readonly attempts: VerificationAttemptRepository,
    private readonly events: EventPublisher,
    private readonly env: IdentityEnv,
    @Inject(AUTHORITY_PROVIDER) private readonly authority: AuthorityProvider,
    private readonly index: IdNumberIndex,
    private readonly budget: AttemptBudgetRepository,
    private readonly guardians: GuardianConsentService,
    private readonly liveness: RealNameLivenessService,
    private readonly faces: FaceEnrolmentService,
    private readonly clock: Clock,
  ) {}

  async verify(userId: string, input: VerifyRealNameDto): Promise<VerificationOutcome> {
    const now = this.clock.now();
    const today = calendarDateIn(now);
    const applicant = validatePerson(input.name, input.idNumber, 'name', 'idNumber', now);
    validatePeriod(input.validFrom, input.validTo);

    if (await this.records.existsForUser(userId)) throw new AlreadyVerifiedError();

    const age = ageOn(applicant.idNumber.birthDate, today);
    const minor = age < ADULT_AGE;
    // A child's data is not sent anywhere until a verified guardian has consented.
    let guardian: GuardianToVerify | undefined;
    if (age < GUARDIAN_CONSENT_AGE) {
      if (input.guardian === undefined) throw new GuardianConsentRequiredError();
      const person = validatePerson(
        input.guardian.name,
        input.guardian.idNumber,
        'guardian.name',
        'guardian.idNumber',
        now,
      );
      if (ageOn(person.idNumber.birthDate, today) < ADULT_AGE) throw new GuardianNotAdultError();
      guardian = { person, relationship: input.guardian.relationship };
    }

    // The face answer is claimed before the budget: a stale or foreign challenge costs nothing, and one
    // challenge is answered once.
    const frames = input.face?.frames.map((frame) => Buffer.from(frame, 'base64'));
    let challenge: RealNameFaceChallengeEntity | undefined;
    if (input.face !== undefined && frames !== undefined) {
      challenge = await this.liveness.claim(userId, {
        challengeId: input.face.challengeId,
        nonce: input.face.nonce,
        frames,
      });
    }

    const dayKey = formatDate(today);
    const calls = guardian === undefined ? 1 : 2;
    const left = await this.budget.reserve(userId, dayKey, calls, this.env.REAL_NAME_DAILY_ATTEMPTS);
    if (left === undefined) throw new AttemptBudgetExhaustedError(this.env.REAL_NAME_DAILY_ATTEMPTS);
    // After the budget, so the conflict answer cannot be used to probe unlimited numbers for "verified somewhere".
    if ((await this.records.holderOf(this.index.of(applicant.idNumber.value))) !== null)
      throw new IdNumberTakenError();

    if (guardian !== undefined) await this.guardians.obtainConsent(userId, guardian, dayKey);

    const attemptId = randomUUID();
    const { decision, capture } = await this.decide(attemptId, applicant, input, challenge, frames);
    await this.record(userId, attemptId, dayKey, applicant, input, decision, age, capture);
    if (decision.result === 'rate_limited' || decision.result === 'provider_error')
      throw new AuthorityUnavailableError(decision.result);
    return {
      attemptId,
      result: decision.result,
      verified: decision.result === 'match',
      minor,
      warnings: applicant.idNumber.warnings.map((w) => w.code),
      attemptsLeftToday: left,
      livenessReason: localLivenessReason(decision),
    };
  }

  /**
   * The authority's decision; with a face step, only after local liveness passed, and then with the frontal
   * capture (returned with the decision: a match makes it the verified face). A failed liveness is decided here
   * and sends nothing to the authority (no biometric leaves, no charge).
   */
  private async decide(
    attemptId: string,
    applicant: ValidatedPerson,
    input: VerifyRealNameDto,
    challenge: RealNameFaceChallengeEntity | undefined,
    frames: readonly Buffer[] | undefined,
  ): Promise<{ decision: AuthorityDecision; capture?: SingleFace }> {
    const request = {
      requestId: attemptId,
      name: applicant.name,
      idNumber: applicant.idNumber.value,
      document: { validFrom: input.validFrom, validTo: input.validTo },
    };
    if (challenge === undefined || frames === undefined || input.face === undefined)
      return { decision: await this.authority.check(request) };
    const liveness = await this.liveness.evaluate(challenge, frames, input.face.frameTimesMs);
    if (!liveness.passed) return { decision: localLivenessFailure(liveness.reason, liveness.modelVersion) };
    const decision = await this.authority.check({ ...request, face: { image: liveness.frontal } });
    return { decision, capture: liveness.frontalFace };
  }

  async findVerified(userId: string): Promise<RealNameRecordEntity | null> {
    return this.records.findByUser(userId);
  }

  private async record(
    userId: string,
    attemptId: string,
    day: string,
    applicant: ValidatedPerson,
    input: VerifyRealNameDto,
    decision: AuthorityDecision,
    age: number,
    capture: SingleFace | undefined,
  ): Promise<void> {
    const minor = age < ADULT_AGE;
    // Face-verified only when the authority matched the live capture with its register photo.
    const faceVerified = decision.result === 'match' && capture !== undefined;
    try {
      await retryOnDeadlock(() =>
        this.dataSource.transaction(async (tx) => {
          await this.attempts.insert(tx, attemptRecord(attemptId, userId, 'applicant', day, decision));
          if (decision.result === 'match') {
            await this.records.insert(
              tx,
              Object.assign(new RealNameRecordEntity(), {
                userId,
                name: applicant.name,
                idNumber: applicant.idNumber.value,
                validFrom: input.validFrom,
                validTo: input.validTo,
                birthDate: formatDate(applicant.idNumber.birthDate),
                gender: applicant.idNumber.gender,
                minor,
                faceVerified,
                attemptId,
              }),
            );
            if (capture !== undefined && faceVerified)
              await this.faces.adoptVerifiedCapture(tx, userId, attemptId, capture);
            if (minor) {
              const birth = applicant.idNumber.birthDate;
              await this.events.stage(tx, 'identity.minor.flagged', {
                subjectId: userId,
                payload: {
                  userId,
                  guardianConsentRequired: age < GUARDIAN_CONSENT_AGE,
                  adultOn: formatDate(adultOn(birth)),
                },
              });
            }
          }
          await this.events.stage(tx, 'identity.verification.completed', {
            subjectId: userId,
            payload: {
              userId,
              verificationId: attemptId,
              result: decision.result,
              maskedName: maskValue('name', applicant.name),
              maskedIdNumber: maskValue('idNumber', applicant.idNumber.value),
              minor,
              faceVerified,
            },
          });
        }),
      );
    } catch (error: unknown) {
      // Two accounts racing with one ID number: the unique blind index lets only one win.
      if (isDuplicateKey(error)) {
        await this.attempts.add(attemptRecord(attemptId, userId, 'applicant', day, decision));
        throw new IdNumberTakenError();
      }
      throw error;
    }
  }
}
