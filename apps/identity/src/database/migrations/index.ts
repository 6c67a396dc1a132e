import { CreateFaceTables1764115300100 } from './1764115300100-create-face-tables';
import { CreateRealName1764201600000 } from './1764201600000-create-real-name';
import { FaceChallengeRef1764600000010 } from './1764600000010-face-challenge-ref';
import { FacePreauthIpFailures1764600000020 } from './1764600000020-face-preauth-ip-failures';
import { RealNameFaceStep1764700000000 } from './1764700000000-real-name-face-step';
import { FaceRawImages1764700000100 } from './1764700000100-face-raw-images';
import { ChallengeExpiryIndexes1764800000000 } from './1764800000000-challenge-expiry-indexes';
import { RetentionIndexes1764900000000 } from './1764900000000-retention-indexes';
import { FaceCaptureFingerprints1765000000300 } from './1765000000300-face-capture-fingerprints';
import { VerifiedFaceReferences1765012000000 } from './1765012000000-verified-face-references';
import { RealNameFaceVerified1765012000100 } from './1765012000100-real-name-face-verified';
import { FaceAttemptBudgets1765012000200 } from './1765012000200-face-attempt-budgets';
import { RealNameOwnerBound1765012000400 } from './1765012000400-real-name-owner-bound';

/** The face tables alone, oldest first: what a face-only test module (FaceModule without real-name) needs. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const FACE_MIGRATIONS: Function[] = [
  CreateFaceTables1764115300100,
  FaceChallengeRef1764600000010,
  FacePreauthIpFailures1764600000020,
  FaceRawImages1764700000100,
  FaceCaptureFingerprints1765000000300,
  VerifiedFaceReferences1765012000000,
  FaceAttemptBudgets1765012000200,
];

/** The identity service's own migrations (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const IDENTITY_MIGRATIONS: Function[] = [
  ...FACE_MIGRATIONS,
  CreateRealName1764201600000,
  RealNameFaceStep1764700000000,
  ChallengeExpiryIndexes1764800000000,
  RetentionIndexes1764900000000,
  RealNameFaceVerified1765012000100,
  RealNameOwnerBound1765012000400,
];
