import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import { Clock } from '@exam/platform';
import { type FaceCheckPurpose, FaceCheckTokenIssuer } from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';

import { decodeDescriptor, descriptorDistance } from './engine/face-geometry';
import {
  FaceChallengeExpiredError,
  FaceChallengeMismatchError,
  FaceChallengeNotFoundError,
  FaceConsentRequiredError,
  FaceExamIdRequiredError,
  FaceImageInvalidError,
  FaceImageTooLargeError,
  FaceMultipleError,
  FaceNotEnrolledError,
  FaceNotFoundError,
  FaceTooSmallError,
} from './face.errors';
import {
  FACE_MATCH_THRESHOLD,
  FACE_REPLAY_MAX_DISTANCE,
  FACE_REPLAY_MEMORY_CHECKS,
  LIVENESS_CHALLENGE_TTL_SECONDS,
  utcDay,
} from './face.policy';
import { FaceAttemptsService } from './face-attempts.service';
import { FaceCaptureService } from './face-capture.service';
import { FaceChallengeEntity } from './face-challenge.entity';
import { FaceChallengeRepository } from './face-challenge.repository';
import { FaceEnrolmentService } from './face-enrolment.service';
import {
  evaluateLiveness,
  type LivenessFrame,
  type LivenessStep,
  randomLivenessSteps,
} from './face-liveness';
import type { FaceTemplateEntity } from './face-template.entity';
import { FaceTemplateRepository } from './face-template.repository';
import { type FaceCheckOutcome, FaceVerificationEntity } from './face-verification.entity';
import { FaceVerificationRepository } from './face-verification.repository';
import { findReplayedCapture } from './liveness/capture-replay';
import { FaceCaptureFingerprintRepository } from './liveness/face-capture-fingerprint.repository';

export interface FaceChallenge {
  readonly challengeId: string;
  readonly ref: string | null;
  readonly nonce: string;
  readonly steps: readonly LivenessStep[];
  readonly purpose: FaceCheckPurpose;
  readonly examId: string | null;
  readonly expiresAt: Date;
}

export interface FaceCheckCommand {
  readonly userId: string;
  readonly challengeId: string;
  readonly nonce: string;
  readonly frames: readonly Buffer[];
  /** Checks taken with a face ticket: the challenge must have been made for that ticket's purpose and request. */
  readonly ticket?: { readonly purpose: FaceCheckPurpose; readonly ref: string };
}

export interface FaceCheckDecision {
  readonly verification: FaceVerificationEntity;
  readonly token: { readonly value: string; readonly expiresAt: Date } | null;
}

/**
 * A face check: a liveness challenge bound to user, purpose and exam, answered once with one frame per
 * step; the frontal frame is compared with the enrolled template. Every decision is stored with its
 * distance, threshold and model version; a pass yields a short-lived signed face-check token.
 */
@Injectable()
export class FaceCheckService {
  constructor(
    private readonly challenges: FaceChallengeRepository,
    private readonly verifications: FaceVerificationRepository,
    private readonly templates: FaceTemplateRepository,
    private readonly fingerprints: FaceCaptureFingerprintRepository,
    private readonly capture: FaceCaptureService,
    private readonly enrolment: FaceEnrolmentService,
    private readonly attempts: FaceAttemptsService,
    private readonly issuer: FaceCheckTokenIssuer,
    private readonly clock: Clock,
  ) {}

  async createChallenge(
    userId: string,
    purpose: FaceCheckPurpose,
    examId: string | undefined,
    ref: string | null = null,
  ): Promise<FaceChallenge> {
    if (purpose === 'exam_start' && examId === undefined) throw new FaceExamIdRequiredError();
    const now = this.clock.now();
    await this.assertReady(userId, purpose, now);
    const challenge = Object.assign(new FaceChallengeEntity(), {
      id: randomUUID(),
      userId,
      purpose,
      examId: purpose === 'exam_start' ? (examId ?? null) : null,
      ref,
      nonce: randomBytes(32).toString('base64url'),
      steps: randomLivenessSteps(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LIVENESS_CHALLENGE_TTL_SECONDS * 1000),
      usedAt: null,
    });
    await this.challenges.insert(challenge);
    return {
      challengeId: challenge.id,
      ref: challenge.ref,
      nonce: challenge.nonce,
      steps: challenge.steps,
      purpose: challenge.purpose,
      examId: challenge.examId,
      expiresAt: challenge.expiresAt,
    };
  }

  async check(command: FaceCheckCommand): Promise<FaceCheckDecision> {
    const now = this.clock.now();
    const challenge = await this.challenges.findOwn(command.challengeId, command.userId);
    if (challenge === null) throw new FaceChallengeNotFoundError();
    // A ticket only answers the challenge made for it; a signed-in caller only answers their own plain ones.
    const ticket = command.ticket;
    if (
      ticket === undefined
        ? challenge.ref !== null
        : challenge.purpose !== ticket.purpose || challenge.ref !== ticket.ref
    )
      throw new FaceChallengeNotFoundError();
    if (challenge.usedAt !== null || challenge.expiresAt.getTime() <= now.getTime())
      throw new FaceChallengeExpiredError();
    if (!sameSecret(challenge.nonce, command.nonce))
      throw new FaceChallengeMismatchError('the nonce does not belong to this challenge');
    if (command.frames.length !== challenge.steps.length) {
      throw new FaceChallengeMismatchError(
        `send exactly ${challenge.steps.length} frames, one per step, in the order asked`,
      );
    }
    const template = await this.assertReady(command.userId, challenge.purpose, now);
    // Consumed before the expensive analysis, atomically: two concurrent answers to one challenge get one try.
    if (!(await this.challenges.claim(challenge.id, now))) throw new FaceChallengeExpiredError();

    // A still picture sent several times is refused before any model work.
    const digests = command.frames.map((frame) => createHash('sha256').update(frame).digest('hex'));
    if (new Set(digests).size !== digests.length) {
      return this.decide(command.userId, challenge, now, {
        outcome: 'liveness_failed',
        reason: 'the same picture was sent more than once (a still image)',
        distance: null,
        livenessPassed: false,
      });
    }
    const frames: LivenessFrame[] = [];
    for (const [index, image] of command.frames.entries()) {
      const single = await this.capture
        .singleFace(image, `frames[${index}]`)
        .catch(async (error: unknown) => {
          // An unusable frame (no face, oversized, undecodable) costs an attempt like any failed check.
          if (isCaptureRefusal(error))
            await this.decide(command.userId, challenge, now, {
              outcome: 'liveness_failed',
              reason: `frame ${index} is unusable: ${error.message}`.slice(0, 255),
              distance: null,
              livenessPassed: false,
            });
          throw error;
        });
      frames.push({
        yaw: single.yaw,
        descriptor: single.face.descriptor,
        landmarks: single.face.landmarks,
        digest: single.digest,
      });
    }
    const liveness = evaluateLiveness(challenge.steps, frames, FACE_MATCH_THRESHOLD);
    const frontal = liveness.passed ? frames.at(liveness.frontalIndex) : undefined;
    if (!liveness.passed || frontal === undefined) {
      const reason = liveness.passed ? 'no frontal frame' : liveness.reason;
      return this.decide(command.userId, challenge, now, {
        outcome: 'liveness_failed',
        reason,
        distance: null,
        livenessPassed: false,
      });
    }
    const enrolled = decodeDescriptor(template.descriptor);
    const replay = findReplayedCapture(
      frames.map((frame) => frame.descriptor),
      enrolled,
      await this.fingerprints.recentDescriptors(command.userId, FACE_REPLAY_MEMORY_CHECKS * frames.length),
      FACE_REPLAY_MAX_DISTANCE,
    );
    if (replay !== null) {
      return this.decide(command.userId, challenge, now, {
        outcome: 'liveness_failed',
        reason: `frame ${replay.frameIndex} is ${replay.source} sent again, not a new capture (distance ${replay.distance.toFixed(3)} < ${FACE_REPLAY_MAX_DISTANCE})`,
        distance: null,
        livenessPassed: false,
      });
    }
    const distance = descriptorDistance(frontal.descriptor, enrolled);
    const passed = distance <= FACE_MATCH_THRESHOLD;
    if (passed) {
      await this.fingerprints.remember(
        command.userId,
        frames.map((frame) => frame.descriptor),
        now,
        FACE_REPLAY_MEMORY_CHECKS * frames.length,
      );
    }
    return this.decide(command.userId, challenge, now, {
      outcome: passed ? 'passed' : 'face_mismatch',
      reason: passed
        ? 'the live face matches the enrolled face'
        : `the live face differs from the enrolled face (distance ${distance.toFixed(3)} > ${FACE_MATCH_THRESHOLD})`,
      distance,
      livenessPassed: true,
    });
  }

  private async decide(
    userId: string,
    challenge: FaceChallengeEntity,
    now: Date,
    result: { outcome: FaceCheckOutcome; reason: string; distance: number | null; livenessPassed: boolean },
  ): Promise<FaceCheckDecision> {
    const verification = Object.assign(new FaceVerificationEntity(), {
      id: randomUUID(),
      userId,
      purpose: challenge.purpose,
      examId: challenge.examId,
      challengeId: challenge.id,
      outcome: result.outcome,
      reason: result.reason,
      distance: result.distance,
      threshold: FACE_MATCH_THRESHOLD,
      modelVersion: this.capture.modelVersion,
      livenessPassed: result.livenessPassed,
      day: utcDay(now),
      createdAt: now,
      overturnedAt: null,
    });
    await this.verifications.insert(verification);
    if (result.outcome !== 'passed') return { verification, token: null };
    const issued = this.issuer.issue({
      userId,
      purpose: challenge.purpose,
      examId: challenge.examId,
      verificationId: verification.id,
      ref: challenge.ref,
    });
    return { verification, token: { value: issued.token, expiresAt: new Date(issued.claims.exp * 1000) } };
  }

  private async assertReady(
    userId: string,
    purpose: FaceCheckPurpose,
    now: Date,
  ): Promise<FaceTemplateEntity> {
    if (!(await this.enrolment.hasConsent(userId))) throw new FaceConsentRequiredError();
    const template = await this.templates.findByUser(userId);
    if (template === null) throw new FaceNotEnrolledError();
    await this.attempts.assertAllowed(userId, purpose, now);
    return template;
  }
}

function isCaptureRefusal(error: unknown): error is Error {
  return (
    error instanceof FaceImageInvalidError ||
    error instanceof FaceImageTooLargeError ||
    error instanceof FaceNotFoundError ||
    error instanceof FaceMultipleError ||
    error instanceof FaceTooSmallError
  );
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
