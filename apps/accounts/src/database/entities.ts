import { FaceCheckRedemptionEntity } from '../auth/face/face-check-redemption.entity';
import { ContactChangeEntity } from '../contacts/contact-change.entity';
import { InstitutionEntity } from '../institutions/institution.entity';
import { InvitationEntity } from '../institutions/invitation.entity';
import { MembershipEntity } from '../institutions/membership.entity';
import { PlatformRoleChangeEntity } from '../platform-roles/platform-role-change.entity';
import { ConsentEntity } from '../privacy/consent.entity';
import { ConsentChangeEntity } from '../privacy/consent-change.entity';
import { PolicyAcceptanceEntity } from '../privacy/policy-acceptance.entity';
import { PolicyVersionEntity } from '../privacy/policy-version.entity';
import { PrivacyRequestEntity } from '../privacy-requests/privacy-request.entity';
import { RefreshTokenEntity } from '../sessions/refresh-token.entity';
import { SessionEntity } from '../sessions/session.entity';
import { UserEntity } from '../users/user.entity';
import { VerificationCodeEntity } from '../verification/verification-code.entity';

/** Every TypeORM entity the accounts service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ACCOUNTS_ENTITIES: Function[] = [
  UserEntity,
  VerificationCodeEntity,
  SessionEntity,
  RefreshTokenEntity,
  InstitutionEntity,
  MembershipEntity,
  InvitationEntity,
  PolicyVersionEntity,
  PolicyAcceptanceEntity,
  ConsentEntity,
  ContactChangeEntity,
  ConsentChangeEntity,
  PrivacyRequestEntity,
  FaceCheckRedemptionEntity,
  PlatformRoleChangeEntity,
];
