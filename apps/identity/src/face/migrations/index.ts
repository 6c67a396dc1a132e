import { CreateFaceTables1764115300100 } from './1764115300100-create-face-tables';
import { FaceChallengeRef1764600000010 } from './1764600000010-face-challenge-ref';

/** Face tables, oldest first; merged into IDENTITY_MIGRATIONS by the service. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const FACE_MIGRATIONS: Function[] = [CreateFaceTables1764115300100, FaceChallengeRef1764600000010];
