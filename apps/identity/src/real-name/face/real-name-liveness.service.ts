import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import {
  FaceChallengeExpiredError,
  FaceChallengeMismatchError,
  FaceChallengeNotFoundError,
  FaceConsentRequiredError,
} from '../../face/face.errors';
import { LIVENESS_CHALLENGE_TTL_SECONDS } from '../../face/face.policy';
import { FaceCaptureService, type SingleFace } from '../../face/face-capture.service';
import { FaceEnrolmentService } from '../../face/face-enrolment.service';
import type { LivenessStep } from '../../face/face-liveness';
import { FaceReplayGuard, replayReason } from '../../face/liveness/face-replay-guard';
import { frameTimingProblem } from '../../face/liveness/frame-timing';
import { type LivenessCapture, LivenessProvider } from '../../face/liveness/liveness-provider';
import { LivenessSteps } from '../../face/liveness/liveness-steps';
import { RealNameFaceChallengeEntity } from './real-name-face-challenge.entity';
import { RealNameFaceChallengeRepository } from './real-name-face-challenge.repository';

export interface RealNameFaceChallenge {
  readonly challengeId: string;
  readonly nonce: string;
  readonly steps: readonly LivenessStep[];
  readonly expiresAt: Date;
}

export interface RealNameFaceAnswer {
  readonly challengeId: string;
  readonly nonce: string;
  readonly frames: readonly Buffer[];
}

/**
 * What the liveness step yields: the frontal capture for the authority with its analysed face (kept as the
 * verified face when the authority matches it), or why it failed.
 */
export type LivenessResult =
  | {
      readonly passed: true;
      readonly frontal: Buffer;
      readonly frontalFace: SingleFace;
      readonly modelVersion: string;
    }
  | { readonly passed: false; readonly reason: string; readonly modelVersion: string };

/**
 * The challenge-response liveness step of real-name verification, on the same engine and rules as face checks
 * (random head movements, one frame per step, the same face throughout, no replay of the account's own
 * captures). Only a capture that passed goes to
 * the authority; frames are never stored.
 */
@Injectable()
export class RealNameLivenessService {
  constructor(
    private readonly challenges: RealNameFaceChallengeRepository,
    private readonly capture: FaceCaptureService,
    private readonly enrolment: FaceEnrolmentService,
    private readonly liveness: LivenessProvider,
    private readonly replays: FaceReplayGuard,
    private readonly steps: LivenessSteps,
    private readonly clock: Clock,
  ) {}

  /** Face processing needs face-biometrics consent: on file, or given now (recorded with its policy version). */
  async createChallenge(
    userId: string,
    consent: { readonly given: boolean; readonly policyVersion?: string },
  ): Promise<RealNameFaceChallenge> {
    if (consent.given && consent.policyVersion !== undefined)
      await this.enrolment.grantConsent(userId, consent.policyVersion);
    else if (!(await this.enrolment.hasConsent(userId))) throw new FaceConsentRequiredError();
    const now = this.clock.now();
    const challenge = Object.assign(new RealNameFaceChallengeEntity(), {
      id: randomUUID(),
      userId,
      nonce: randomBytes(32).toString('base64url'),
      steps: this.steps.draw(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LIVENESS_CHALLENGE_TTL_SECONDS * 1000),
      usedAt: null,
    });
    await this.challenges.insert(challenge);
    return {
      challengeId: challenge.id,
      nonce: challenge.nonce,
      steps: challenge.steps,
      expiresAt: challenge.expiresAt,
    };
  }

  /** Consumes the challenge atomically (one answer per challenge) before any model work. */
  async claim(userId: string, answer: RealNameFaceAnswer): Promise<RealNameFaceChallengeEntity> {
    if (!(await this.enrolment.hasConsent(userId))) throw new FaceConsentRequiredError();
    const challenge = await this.challenges.findOwn(answer.challengeId, userId);
    if (challenge === null) throw new FaceChallengeNotFoundError();
    const now = this.clock.now();
    if (challenge.usedAt !== null || challenge.expiresAt.getTime() <= now.getTime())
      throw new FaceChallengeExpiredError();
    if (!sameSecret(challenge.nonce, answer.nonce))
      throw new FaceChallengeMismatchError('the nonce does not belong to this challenge');
    if (answer.frames.length !== challenge.steps.length) {
      throw new FaceChallengeMismatchError(
        `send exactly ${challenge.steps.length} frames, one per step, in the order asked`,
      );
    }
    if (!(await this.challenges.claim(challenge.id, now))) throw new FaceChallengeExpiredError();
    return challenge;
  }

  /**
   * Runs the model on each frame (422 for no face, several faces, a tiny face) and the liveness rules;
   * `frameTimesMs` (ms since the challenge, one per frame) must be one timed capture session.
   */
  async evaluate(
    challenge: RealNameFaceChallengeEntity,
    frames: readonly Buffer[],
    frameTimesMs: readonly number[],
  ): Promise<LivenessResult> {
    const modelVersion = this.capture.modelVersion;
    // A still picture sent several times is refused before any model work.
    const digests = new Set(frames.map((frame) => createHash('sha256').update(frame).digest('hex')));
    if (digests.size !== frames.length)
      return {
        passed: false,
        reason: 'the same picture was sent more than once (a still image)',
        modelVersion,
      };
    const timing = frameTimingProblem(
      frameTimesMs,
      frames.length,
      this.clock.now().getTime() - challenge.createdAt.getTime(),
    );
    if (timing !== null) return { passed: false, reason: timing, modelVersion };
    const singles: SingleFace[] = [];
    for (const [index, image] of frames.entries())
      singles.push(await this.capture.singleFace(image, `face.frames[${index}]`));
    const analysed: LivenessCapture[] = singles.map((single, index) => ({
      yaw: single.yaw,
      descriptor: single.face.descriptor,
      landmarks: single.face.landmarks,
      digest: single.digest,
      image: frames[index],
    }));
    const verdict = await this.liveness.evaluate(
      {
        steps: challenge.steps,
        nonce: challenge.nonce,
        issuedAt: challenge.createdAt,
        expiresAt: challenge.expiresAt,
      },
      analysed,
    );
    if (!verdict.passed) return { passed: false, reason: verdict.reason, modelVersion };
    // Like face checks: no frame may be the account's enrolment image or a frame of an earlier passed check.
    const replay = await this.replays.findReplay(
      challenge.userId,
      analysed.map((frame) => frame.descriptor),
    );
    if (replay !== null) return { passed: false, reason: replayReason(replay), modelVersion };
    const frontal = frames.at(verdict.frontalIndex);
    const frontalFace = singles.at(verdict.frontalIndex);
    if (frontal === undefined || frontalFace === undefined)
      return { passed: false, reason: 'no frontal frame', modelVersion };
    return { passed: true, frontal, frontalFace, modelVersion };
  }
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
