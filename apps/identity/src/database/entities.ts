import { FACE_ENTITIES } from '../face';
import { AttemptBudgetEntity } from '../real-name/attempt-budget.entity';
import { RealNameFaceChallengeEntity } from '../real-name/face/real-name-face-challenge.entity';
import { GuardianConsentEntity } from '../real-name/guardian-consent.entity';
import { RealNameAppealEntity } from '../real-name/real-name-appeal.entity';
import { RealNameRecordEntity } from '../real-name/real-name-record.entity';
import { VerificationAttemptEntity } from '../real-name/verification-attempt.entity';

/** Every TypeORM entity the identity service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const IDENTITY_ENTITIES: Function[] = [
  RealNameRecordEntity,
  VerificationAttemptEntity,
  GuardianConsentEntity,
  RealNameAppealEntity,
  AttemptBudgetEntity,
  RealNameFaceChallengeEntity,
  ...FACE_ENTITIES,
];
