import { type KeyObject, randomUUID, sign } from 'node:crypto';

import {
  FACE_CHECK_ISSUER,
  FACE_CHECK_TOKEN_TYPE,
  type FaceCheckClaims,
  type FaceCheckClock,
  type FaceCheckPurpose,
  type FaceCheckTokenHeader,
  SYSTEM_FACE_CHECK_CLOCK,
} from './face-check-token';

export interface FaceCheckIssuerOptions {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly ttlSeconds: number;
  readonly clock?: FaceCheckClock;
}

export interface FaceCheckSubject {
  readonly userId: string;
  readonly purpose: FaceCheckPurpose;
  readonly examId: string | null;
  readonly verificationId: string;
  readonly ref?: string | null;
  /** When the face checked against was enrolled. */
  readonly enrolledAt?: Date | null;
}

export interface IssuedFaceCheckToken {
  readonly token: string;
  readonly claims: FaceCheckClaims;
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** Signs face-check tokens; only the identity service holds the private key. */
export class FaceCheckTokenIssuer {
  private readonly clock: FaceCheckClock;

  constructor(private readonly options: FaceCheckIssuerOptions) {
    if (options.privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error('face-check tokens are signed with Ed25519');
    if (options.ttlSeconds <= 0) throw new Error('face-check token lifetime must be positive');
    this.clock = options.clock ?? SYSTEM_FACE_CHECK_CLOCK;
  }

  issue(subject: FaceCheckSubject): IssuedFaceCheckToken {
    const iat = Math.floor(this.clock.nowMs() / 1000);
    const enrolledAt = subject.enrolledAt ?? null;
    const claims: FaceCheckClaims = {
      iss: FACE_CHECK_ISSUER,
      sub: subject.userId,
      purpose: subject.purpose,
      examId: subject.examId,
      verificationId: subject.verificationId,
      ref: subject.ref ?? null,
      enrolledAt: enrolledAt === null ? null : Math.floor(enrolledAt.getTime() / 1000),
      iat,
      exp: iat + this.options.ttlSeconds,
      jti: randomUUID(),
    };
    const header: FaceCheckTokenHeader = {
      alg: 'EdDSA',
      typ: FACE_CHECK_TOKEN_TYPE,
      kid: this.options.keyId,
    };
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    const signature = sign(null, Buffer.from(signingInput), this.options.privateKey);
    return { token: `${signingInput}.${base64url(signature)}`, claims };
  }
}
