import { FACE_MIGRATIONS } from '../../face';
import { CreateRealName1764201600000 } from './1764201600000-create-real-name';
import { RealNameFaceStep1764700000000 } from './1764700000000-real-name-face-step';
import { ChallengeExpiryIndexes1764800000000 } from './1764800000000-challenge-expiry-indexes';
import { RetentionIndexes1764900000000 } from './1764900000000-retention-indexes';

/** The identity service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const IDENTITY_MIGRATIONS: Function[] = [
  ...FACE_MIGRATIONS,
  CreateRealName1764201600000,
  RealNameFaceStep1764700000000,
  ChallengeExpiryIndexes1764800000000,
  RetentionIndexes1764900000000,
];
