import { FaceCheckTokenIssuer } from '@exam/platform/face-check';

/** Injection token of the FaceCheckTokenIssuer built from IdentityEnv's face-check key. */
export const FACE_CHECK_TOKEN_ISSUER = Symbol('FACE_CHECK_TOKEN_ISSUER');
export type { FaceCheckTokenIssuer };
