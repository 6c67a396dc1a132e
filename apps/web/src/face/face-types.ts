/** What the identity service's face routes take and give (apps/identity/src/face/dto, real-name/face/dto). */

/** A movement the liveness challenge asks for; the face actions appear only where identity enables them. */
export type LivenessStep = 'turn_left' | 'turn_right' | 'look_straight' | 'close_eyes' | 'open_mouth';

/** A liveness challenge: the steps in the order asked, one frame each, within `sequenceSeconds`. */
export interface LivenessChallenge {
  challengeId: string;
  nonce: string;
  steps: LivenessStep[];
  expiresAt: string;
  sequenceSeconds: number;
}

/** The answer: one JPEG (base64, no data: prefix) per step and when it was taken, in ms since the challenge came. */
export interface LivenessAnswer {
  challengeId: string;
  nonce: string;
  frames: string[];
  frameTimesMs: number[];
}

/** The automated decision of a face check, with its reason (FaceDecisionDto). */
export interface FaceDecision {
  verificationId: string;
  purpose: string;
  examId: string | null;
  outcome: string;
  passed: boolean;
  livenessPassed: boolean;
  reason: string;
  distance: number | null;
  threshold: number;
  decidedAt: string;
  overturned: boolean;
}

export interface FaceCheckResponse {
  decision: FaceDecision;
  faceCheckToken: string | null;
  faceCheckTokenExpiresAt: string | null;
  appeal: string | null;
}

export interface FaceReview {
  reviewId: string;
  status: string;
  requestedAt: string;
}
