import { CreateFaceTables1764115300100 } from './1764115300100-create-face-tables';
import { FaceChallengeRef1764600000010 } from './1764600000010-face-challenge-ref';
import { FacePreauthIpFailures1764600000020 } from './1764600000020-face-preauth-ip-failures';
import { FaceRawImages1764700000100 } from './1764700000100-face-raw-images';

/** Face tables, oldest first; merged into IDENTITY_MIGRATIONS by the service. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const FACE_MIGRATIONS: Function[] = [
  CreateFaceTables1764115300100,
  FaceChallengeRef1764600000010,
  FacePreauthIpFailures1764600000020,
  FaceRawImages1764700000100,
];
