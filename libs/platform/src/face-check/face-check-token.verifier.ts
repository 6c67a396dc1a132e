import { type KeyObject, verify } from 'node:crypto';

import { FaceCheckTokenRejectedError } from './face-check.errors';
import {
  FACE_CHECK_ISSUER,
  FACE_CHECK_TOKEN_TYPE,
  type FaceCheckClaims,
  type FaceCheckClock,
  type FaceCheckPurpose,
  isExamFaceCheckPurpose,
  isFaceCheckPurpose,
  SYSTEM_FACE_CHECK_CLOCK,
} from './face-check-token';

export interface FaceCheckVerifierOptions {
  /** kid → Ed25519 public key (see parseFaceCheckPublicKeys). */
  readonly publicKeys: ReadonlyMap<string, KeyObject>;
  readonly clock?: FaceCheckClock;
  /** Tolerated clock difference between the identity service and the verifier. */
  readonly clockSkewSeconds?: number;
}

export interface FaceCheckExpectation {
  readonly purpose: FaceCheckPurpose;
  /** Required for exam purposes (exam_start, exam_proctor): the exam being started or taken. */
  readonly examId?: string;
  /** The authenticated caller; a token of another user is refused. */
  readonly userId?: string;
  /** The relying request the check must have been made for (see FaceCheckClaims.ref). */
  readonly ref?: string;
}

const MAX_TOKEN_LENGTH = 4096;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function parseJson(segment: string): Record<string, unknown> {
  if (!SEGMENT.test(segment)) throw new FaceCheckTokenRejectedError('MALFORMED');
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new FaceCheckTokenRejectedError('MALFORMED');
    return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof FaceCheckTokenRejectedError) throw error;
    throw new FaceCheckTokenRejectedError('MALFORMED');
  }
}

function claimsOf(payload: Record<string, unknown>): FaceCheckClaims {
  const { iss, sub, purpose, examId, verificationId, iat, exp, jti } = payload;
  // Tokens signed before `ref` existed carry none: they were for no particular request.
  const ref = payload.ref ?? null;
  // Tokens signed before `enrolledAt` existed carry none: accounts treats that as a face enrolled just now.
  const enrolledAt = payload.enrolledAt ?? null;
  if (
    iss !== FACE_CHECK_ISSUER ||
    typeof sub !== 'string' ||
    !isFaceCheckPurpose(purpose) ||
    !(examId === null || typeof examId === 'string') ||
    typeof verificationId !== 'string' ||
    typeof iat !== 'number' ||
    typeof exp !== 'number' ||
    typeof jti !== 'string' ||
    !(ref === null || typeof ref === 'string') ||
    !(enrolledAt === null || (typeof enrolledAt === 'number' && Number.isFinite(enrolledAt)))
  ) {
    throw new FaceCheckTokenRejectedError('MALFORMED');
  }
  return { iss, sub, purpose, examId, verificationId, ref, enrolledAt, iat, exp, jti };
}

/**
 * Verifies face-check tokens offline (public key only, no call to the identity service): signature,
 * lifetime, and that the token was issued for this purpose, this exam and this user. The token is short
 * lived; a verifier that must refuse replays within its lifetime records `jti` (the exam service's attempt
 * start is idempotent per exam and user, which makes a replay harmless there).
 */
export class FaceCheckTokenVerifier {
  private readonly clock: FaceCheckClock;
  private readonly skew: number;

  constructor(private readonly options: FaceCheckVerifierOptions) {
    this.clock = options.clock ?? SYSTEM_FACE_CHECK_CLOCK;
    this.skew = options.clockSkewSeconds ?? 30;
  }

  verify(token: string, expected: FaceCheckExpectation): FaceCheckClaims {
    if (token.length > MAX_TOKEN_LENGTH) throw new FaceCheckTokenRejectedError('MALFORMED');
    const parts = token.split('.');
    if (parts.length !== 3) throw new FaceCheckTokenRejectedError('MALFORMED');
    const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
    const header = parseJson(headerPart);
    // The algorithm is fixed, never taken from the token: no "none", no HMAC-with-public-key confusion.
    if (header.alg !== 'EdDSA' || header.typ !== FACE_CHECK_TOKEN_TYPE || typeof header.kid !== 'string') {
      throw new FaceCheckTokenRejectedError('MALFORMED');
    }
    const key = this.options.publicKeys.get(header.kid);
    if (key === undefined) throw new FaceCheckTokenRejectedError('UNKNOWN_KEY');
    if (!SEGMENT.test(signaturePart)) throw new FaceCheckTokenRejectedError('MALFORMED');
    const signature = Buffer.from(signaturePart, 'base64url');
    if (!verify(null, Buffer.from(`${headerPart}.${payloadPart}`), key, signature)) {
      throw new FaceCheckTokenRejectedError('BAD_SIGNATURE');
    }
    const claims = claimsOf(parseJson(payloadPart));
    const now = Math.floor(this.clock.nowMs() / 1000);
    if (claims.exp <= now - this.skew) throw new FaceCheckTokenRejectedError('EXPIRED');
    if (claims.iat > now + this.skew) throw new FaceCheckTokenRejectedError('NOT_YET_VALID');
    if (claims.purpose !== expected.purpose) throw new FaceCheckTokenRejectedError('WRONG_PURPOSE');
    if (
      isExamFaceCheckPurpose(expected.purpose) &&
      (expected.examId === undefined || claims.examId !== expected.examId)
    ) {
      throw new FaceCheckTokenRejectedError('WRONG_EXAM');
    }
    if (expected.examId !== undefined && claims.examId !== expected.examId)
      throw new FaceCheckTokenRejectedError('WRONG_EXAM');
    if (expected.userId !== undefined && claims.sub !== expected.userId)
      throw new FaceCheckTokenRejectedError('WRONG_USER');
    if (expected.ref !== undefined && claims.ref !== expected.ref)
      throw new FaceCheckTokenRejectedError('WRONG_REQUEST');
    return claims;
  }
}
