import type { ConsentPurpose, OrgRole, PlatformRole } from '@exam/contracts';
import { Sensitive } from '@exam/platform';
import { IsString, Length } from 'class-validator';

import type { SessionView } from '../../sessions/dto/session-response.dto';

/** Seeing my data unmasked, or cancelling my account, needs my password again (a stolen token is not enough). */
export class ConfirmWithPasswordDto {
  @IsString() @Length(1, 128, { message: 'currentPassword must be given' }) currentPassword!: string;
}

export class ExportedProfileDto {
  userId!: string;
  username!: string | null;
  nickname!: string;
  @Sensitive('phone') phone!: string | null;
  @Sensitive('email') email!: string | null;
  @Sensitive('name') fullName!: string | null;
  jobTitle!: string | null;
  company!: string | null;
  education!: string | null;
  status!: string;
  roles!: PlatformRole[];
  createdAt!: string;
  activatedAt!: string | null;
}

export class ExportedSecurityStateDto {
  failedLogins!: number;
  lastFailedAt!: string | null;
  lockedUntil!: string | null;
  reviewLockedAt!: string | null;
  reviewLockReason!: string | null;
  stepUpRequired!: boolean;
}

export class ExportedConsentDto {
  purpose!: ConsentPurpose;
  granted!: boolean;
  policyVersion!: string | null;
  at!: string;
}

export class ExportedPolicyAcceptanceDto {
  version!: string;
  acceptedAt!: string;
}

export class ExportedSessionDto implements SessionView {
  sessionId!: string;
  /** Stored masked only. */
  maskedIp!: string;
  region!: string | null;
  userAgent!: string;
  deviceId!: string | null;
  createdAt!: string;
  lastUsedAt!: string;
  expiresAt!: string;
  revokedAt!: string | null;
  revokeReason!: string | null;
}

export class ExportedMembershipDto {
  institutionId!: string;
  institutionName!: string;
  role!: OrgRole;
  since!: string;
}

export class ExportedCodeDto {
  purpose!: string;
  channel!: string;
  attempts!: number;
  sentAt!: string;
  expiresAt!: string;
  consumedAt!: string | null;
}

export class ExportedContactChangeDto {
  kind!: 'phone' | 'email';
  @Sensitive('phone') phone?: string;
  @Sensitive('email') email?: string;
  requestedAt!: string;
}

export class ExportedRevealDto {
  /** Which of my values an authorised person saw in full, and when. */
  field!: string;
  revealedAt!: string;
}

export class ExportedPrivacyRequestDto {
  requestId!: string;
  kind!: string;
  requestedAt!: string;
  deadlineAt!: string;
  completedAt!: string | null;
}

/**
 * Everything the accounts service holds about the caller, in one JSON document. Personal values are masked in
 * the normal response; `POST me/data-export/full` returns them in full after the password (audited).
 */
export class PersonalDataExportDto {
  format!: 'exam-platform/accounts-personal-data/v1';
  exportedAt!: string;
  profile!: ExportedProfileDto;
  security!: ExportedSecurityStateDto;
  consents!: ExportedConsentDto[];
  consentHistory!: ExportedConsentDto[];
  policyAcceptances!: ExportedPolicyAcceptanceDto[];
  sessions!: ExportedSessionDto[];
  memberships!: ExportedMembershipDto[];
  verificationCodes!: ExportedCodeDto[];
  pendingContactChange!: ExportedContactChangeDto | null;
  personalDataReveals!: ExportedRevealDto[];
  privacyRequests!: ExportedPrivacyRequestDto[];
}

export class FullPersonalDataExportDto {
  revealedAt!: string;
  data!: PersonalDataExportDto;
}

export class ErasureCompletedDto {
  requestId!: string;
  erasedAt!: string;
  /** Other services (real-name, exams, payments) erase on the published request within this deadline. */
  deadline!: string;
  endedSessions!: number;
}
