import type { FaceCheckPurpose } from '@exam/platform/face-check';

import { LIVENESS_SEQUENCE_MAX_SECONDS } from '../face.policy';
import type { FaceChallenge, FaceCheckDecision } from '../face-check.service';
import type { FaceEnrolment } from '../face-enrolment.service';
import type { FaceReviewWithDecision } from '../face-review.service';
import type { FaceVerificationEntity } from '../face-verification.entity';

export class FaceEnrolmentResponseDto {
  enrolled!: true;
  modelVersion!: string;
  enrolledAt!: string;
  /**
   * Whether the uploaded image was kept (encrypted, only when enrolling for an institution whose policy asks
   * for it) and when it is erased; otherwise only the descriptor is stored.
   */
  rawImageKept!: boolean;
  rawImageExpiresAt!: string | null;

  static from(enrolment: FaceEnrolment): FaceEnrolmentResponseDto {
    return Object.assign(new FaceEnrolmentResponseDto(), {
      enrolled: true as const,
      modelVersion: enrolment.modelVersion,
      enrolledAt: enrolment.enrolledAt.toISOString(),
      rawImageKept: enrolment.rawImage.kept,
      rawImageExpiresAt: enrolment.rawImage.expiresAt?.toISOString() ?? null,
    });
  }
}

export class FaceChallengeResponseDto {
  challengeId!: string;
  nonce!: string;
  steps!: string[];
  purpose!: FaceCheckPurpose;
  examId!: string | null;
  expiresAt!: string;
  /**
   * Take the frames in one go, in the order of `steps`, within this many seconds of the first, and send
   * `frameTimesMs` with the answer (liveness/frame-timing.ts).
   */
  sequenceSeconds!: number;

  static from(challenge: FaceChallenge): FaceChallengeResponseDto {
    return Object.assign(new FaceChallengeResponseDto(), {
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
      steps: [...challenge.steps],
      purpose: challenge.purpose,
      examId: challenge.examId,
      expiresAt: challenge.expiresAt.toISOString(),
      sequenceSeconds: LIVENESS_SEQUENCE_MAX_SECONDS,
    });
  }
}

/** The automated decision and why, so the user can understand it and appeal it. */
export class FaceDecisionDto {
  verificationId!: string;
  purpose!: FaceCheckPurpose;
  examId!: string | null;
  outcome!: string;
  passed!: boolean;
  livenessPassed!: boolean;
  reason!: string;
  distance!: number | null;
  threshold!: number;
  modelVersion!: string;
  decidedAt!: string;
  /** A human review overturned this failure. */
  overturned!: boolean;

  static from(decision: FaceVerificationEntity): FaceDecisionDto {
    return Object.assign(new FaceDecisionDto(), {
      verificationId: decision.id,
      purpose: decision.purpose,
      examId: decision.examId,
      outcome: decision.outcome,
      passed: decision.outcome === 'passed',
      livenessPassed: decision.livenessPassed,
      reason: decision.reason,
      distance: decision.distance === null ? null : Math.round(decision.distance * 1000) / 1000,
      threshold: decision.threshold,
      modelVersion: decision.modelVersion,
      decidedAt: decision.createdAt.toISOString(),
      overturned: decision.overturnedAt !== null,
    });
  }
}

export class FaceCheckResponseDto {
  decision!: FaceDecisionDto;
  /** Present when passed: hand it to the service that asked for the check (e.g. exam start). */
  faceCheckToken!: string | null;
  faceCheckTokenExpiresAt!: string | null;
  /** Present when failed: how to ask a human to review this decision. */
  appeal!: string | null;

  static from(result: FaceCheckDecision): FaceCheckResponseDto {
    const decision = FaceDecisionDto.from(result.verification);
    return Object.assign(new FaceCheckResponseDto(), {
      decision,
      faceCheckToken: result.token?.value ?? null,
      faceCheckTokenExpiresAt: result.token?.expiresAt.toISOString() ?? null,
      appeal: decision.passed
        ? null
        : `POST /api/identity/face/reviews {"verificationId":"${decision.verificationId}","reason":"…"}`,
    });
  }
}

export class FaceReviewResponseDto {
  reviewId!: string;
  status!: string;
  reason!: string;
  requestedAt!: string;
  resolvedAt!: string | null;
  reviewNote!: string | null;
  decision!: FaceDecisionDto;

  static from(item: FaceReviewWithDecision): FaceReviewResponseDto {
    return Object.assign(new FaceReviewResponseDto(), {
      reviewId: item.review.id,
      status: item.review.status,
      reason: item.review.reason,
      requestedAt: item.review.createdAt.toISOString(),
      resolvedAt: item.review.resolvedAt?.toISOString() ?? null,
      reviewNote: item.review.reviewNote,
      decision: FaceDecisionDto.from(item.decision),
    });
  }
}
