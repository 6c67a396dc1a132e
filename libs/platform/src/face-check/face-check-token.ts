/**
 * What a face check can be for; a token issued for one purpose is never accepted for another. `exam_start`
 * opens an attempt, `exam_proctor` is a periodic check during one (both are bound to an exam).
 */
export const FACE_CHECK_PURPOSES = [
  'exam_start',
  'exam_proctor',
  'face_login',
  'password_recovery',
  'step_up',
] as const;
export type FaceCheckPurpose = (typeof FACE_CHECK_PURPOSES)[number];

/** Purposes whose tokens name the exam they were taken for. */
export const EXAM_FACE_CHECK_PURPOSES: readonly FaceCheckPurpose[] = ['exam_start', 'exam_proctor'];

export function isExamFaceCheckPurpose(purpose: FaceCheckPurpose): boolean {
  return EXAM_FACE_CHECK_PURPOSES.includes(purpose);
}

export function isFaceCheckPurpose(value: unknown): value is FaceCheckPurpose {
  return typeof value === 'string' && (FACE_CHECK_PURPOSES as readonly string[]).includes(value);
}

export const FACE_CHECK_TOKEN_TYPE = 'face-check+jwt';
export const FACE_CHECK_ISSUER = 'identity';

/**
 * Claims of a face-check token: a compact JWS (alg EdDSA, Ed25519) so any JOSE library can read it, but
 * verified here without one. `examId` is null for purposes not bound to an exam.
 */
export interface FaceCheckClaims {
  readonly iss: typeof FACE_CHECK_ISSUER;
  /** The user whose face was checked. */
  readonly sub: string;
  readonly purpose: FaceCheckPurpose;
  readonly examId: string | null;
  /** The identity service's stored decision, for audit and appeal. */
  readonly verificationId: string;
  /**
   * The request of the relying service the check was made for (accounts: its step-up challenge or face
   * ticket), or null for checks a signed-in user started. Accounts accepts sign-in purposes only with one.
   */
  readonly ref: string | null;
  /**
   * When the face checked against was enrolled (seconds since the epoch), or null in tokens that do not say:
   * accounts keeps face sign-in and recovery closed for a while after a (re-)enrolment.
   */
  readonly enrolledAt: number | null;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

export interface FaceCheckTokenHeader {
  readonly alg: 'EdDSA';
  readonly typ: typeof FACE_CHECK_TOKEN_TYPE;
  readonly kid: string;
}

export interface FaceCheckClock {
  nowMs(): number;
}

export const SYSTEM_FACE_CHECK_CLOCK: FaceCheckClock = { nowMs: () => Date.now() };
