import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import { Clock } from '@exam/platform';
import {
  type FaceCheckPurpose,
  FaceCheckTokenIssuer,
  isExamFaceCheckPurpose,
} from '@exam/platform/face-check';
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
  FaceRealNameFaceRequiredError,
  FaceTooSmallError,
} from './face.errors';
import { FACE_MATCH_THRESHOLD, LIVENESS_CHALLENGE_TTL_SECONDS, utcDay } from './face.policy';
import { FaceAttemptsService } from './face-attempts.service';
import { FaceCaptureService } from './face-capture.service';
import { FaceChallengeEntity } from './face-challenge.entity';
import { FaceChallengeRepository } from './face-challenge.repository';
import { FaceEnrolmentService } from './face-enrolment.service';
import type { LivenessStep } from './face-liveness';
import type { FaceTemplateEntity } from './face-template.entity';
import { FaceTemplateRepository } from './face-template.repository';
import { type FaceCheckOutcome, FaceVerificationEntity } from './face-verification.entity';
import { FaceVerificationRepository } from './face-verification.repository';
import { FaceReplayGuard, replayReason } from './liveness/face-replay-guard';
import { frameTimingProblem } from './liveness/frame-timing';
import { type LivenessCapture, LivenessProvider } from './liveness/liveness-provider';
import { LivenessSteps } from './liveness/liveness-steps';
import { livenessRecordNote } from './liveness/local-liveness.provider';
import type { VerifiedFaceReferenceEntity } from './verified-face-reference.entity';
import { VerifiedFaceReferenceRepository } from './verified-face-reference.repository';

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
  /** When each frame was taken, in ms since the challenge was issued (the client's count). */
  readonly frameTimesMs: readonly number[];
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
    private readonly references: VerifiedFaceReferenceRepository,
    private readonly replays: FaceReplayGuard,
    private readonly capture: FaceCaptureService,
    private readonly enrolment: FaceEnrolmentService,
    private readonly attempts: FaceAttemptsService,
    private readonly liveness: LivenessProvider,
    private readonly steps: LivenessSteps,
    private readonly issuer: FaceCheckTokenIssuer,
    private readonly clock: Clock,
  ) {}

  async createChallenge(
    userId: string,
    purpose: FaceCheckPurpose,
    examId: string | undefined,
    ref: string | null = null,
  ): Promise<FaceChallenge> {
    if (isExamFaceCheckPurpose(purpose) && examId === undefined) throw new FaceExamIdRequiredError();
    const now = this.clock.now();
    await this.assertReady(userId, purpose, now);
    const challenge = Object.assign(new FaceChallengeEntity(), {
      id: randomUUID(),
      userId,
      purpose,
      examId: isExamFaceCheckPurpose(purpose) ? (examId ?? null) : null,
      ref,
      nonce: randomBytes(32).toString('base64url'),
      steps: this.steps.draw(),
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
    const { template, reference } = await this.assertReady(command.userId, challenge.purpose, now);
    // Consumed before the expensive analysis, atomically: two concurrent answers to one challenge get one try.
    if (!(await this.challenges.claim(challenge.id, now))) throw new FaceChallengeExpiredError();
    // The daily budget is taken before the analysis too: parallel answers to many challenges each need a slot.
    const slot = await this.attempts.reserve(command.userId, challenge.purpose, now);
    let decision: FaceCheckDecision;
    try {
      decision = await this.evaluate(command, challenge, now, template, reference);
    } catch (error: unknown) {
      await this.attempts.release(slot);
      throw error;
    }
    // Only failures count against the day; a pass gives its slot back.
    if (decision.verification.outcome === 'passed') await this.attempts.release(slot);
    return decision;
  }

  private async evaluate(
    command: FaceCheckCommand,
    challenge: FaceChallengeEntity,
    now: Date,
    template: FaceTemplateEntity,
    reference: VerifiedFaceReferenceEntity | null,
  ): Promise<FaceCheckDecision> {
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
    // Then the timing of the sequence, before any model work too.
    const timing = frameTimingProblem(
      command.frameTimesMs,
      command.frames.length,
      now.getTime() - challenge.createdAt.getTime(),
    );
    if (timing !== null) {
      return this.decide(command.userId, challenge, now, {
        outcome: 'liveness_failed',
        reason: timing.slice(0, 255),
        distance: null,
        livenessPassed: false,
      });
    }
    const frames: LivenessCapture[] = [];
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
        image,
      });
    }
    const liveness = await this.liveness.evaluate(
      {
        steps: challenge.steps,
        nonce: challenge.nonce,
        issuedAt: challenge.createdAt,
        expiresAt: challenge.expiresAt,
      },
      frames,
    );
    const note = livenessRecordNote(liveness);
    const frontal = liveness.passed ? frames.at(liveness.frontalIndex) : undefined;
    if (!liveness.passed || frontal === undefined) {
      const reason = liveness.passed ? 'no frontal frame' : liveness.reason;
      return this.decide(command.userId, challenge, now, {
        outcome: 'liveness_failed',
        reason: `${reason}${note}`.slice(0, 255),
        distance: null,
        livenessPassed: false,
      });
    }
    const enrolledDescriptor = decodeDescriptor(template.descriptor);
    const replay = await this.replays.findReplay(
      command.userId,
      frames.map((frame) => frame.descriptor),
      enrolledDescriptor,
    );
    if (replay !== null) {
      return this.decide(command.userId, challenge, now, {
        outcome: 'liveness_failed',
        reason: replayReason(replay),
        distance: null,
        livenessPassed: false,
      });
    }
    const enrolled = descriptorDistance(frontal.descriptor, enrolledDescriptor);
    // Exam entry also compares with the face the authority verified: a template of someone else cannot pass.
    const verified =
      reference === null
        ? null
        : descriptorDistance(frontal.descriptor, decodeDescriptor(reference.descriptor));
    const match = faceMatchResult(enrolled, verified);
    const result = { ...match, reason: `${match.reason}${note}`.slice(0, 255) };
    if (result.outcome === 'passed') {
      await this.replays.remember(
        command.userId,
        frames.map((frame) => frame.descriptor),
        now,
      );
    }
    return this.decide(command.userId, challenge, now, result);
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
    // Accounts keeps face sign-in and recovery closed for a while after a (re-)enrolment.
    const enrolledAt = (await this.templates.findByUser(userId))?.enrolledAt ?? null;
    const issued = this.issuer.issue({
      enrolledAt,
      userId,
      purpose: challenge.purpose,
      examId: challenge.examId,
      verificationId: verification.id,
      ref: challenge.ref,
    });
    return { verification, token: { value: issued.token, expiresAt: new Date(issued.claims.exp * 1000) } };
  }

  /**
   * Exam checks (at the start and periodic ones during the attempt) need the face verified with the real name;
   * other purposes compare with the template.
   */
  private async assertReady(
    userId: string,
    purpose: FaceCheckPurpose,
    now: Date,
  ): Promise<{ template: FaceTemplateEntity; reference: VerifiedFaceReferenceEntity | null }> {
    if (!(await this.enrolment.hasConsent(userId))) throw new FaceConsentRequiredError();
    const template = await this.templates.findByUser(userId);
    if (template === null) throw new FaceNotEnrolledError();
    let reference: VerifiedFaceReferenceEntity | null = null;
    if (isExamFaceCheckPurpose(purpose)) {
      reference = await this.references.findByUser(userId);
      if (reference === null) throw new FaceRealNameFaceRequiredError();
    }
    await this.attempts.assertAllowed(userId, purpose, now);
    return { template, reference };
  }
}

/** Passed when the live face is within the threshold of the enrolled face and, when given, of the verified face. */
function faceMatchResult(
  enrolled: number,
  verified: number | null,
): { outcome: FaceCheckOutcome; reason: string; distance: number; livenessPassed: true } {
  const distance = verified === null ? enrolled : Math.max(enrolled, verified);
  if (distance <= FACE_MATCH_THRESHOLD)
    return {
      outcome: 'passed',
      reason: 'the live face matches the enrolled face',
      distance,
      livenessPassed: true,
    };
  const which =
    verified !== null && verified > FACE_MATCH_THRESHOLD
      ? 'the face verified with your real name'
      : 'the enrolled face';
  return {
    outcome: 'face_mismatch',
    reason: `the live face differs from ${which} (distance ${distance.toFixed(3)} > ${FACE_MATCH_THRESHOLD})`,
    distance,
    livenessPassed: true,
  };
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
