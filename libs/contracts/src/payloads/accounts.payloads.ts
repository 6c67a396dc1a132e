import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';

import { ORG_ROLES, type OrgRole, PLATFORM_ROLES, type PlatformRole } from '../auth/roles';

export const ACCOUNT_KINDS = ['candidate', 'org_admin'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** A user finished registration. Contact data travels masked only. */
export class UserRegisteredV1 {
  @IsUUID() userId!: string;
  @IsIn(ACCOUNT_KINDS) kind!: AccountKind;
  @IsString() @MaxLength(100) maskedContact!: string;
  @IsString() @Length(1, 64) nickname!: string;
}

export const LOGIN_OUTCOMES = ['success', 'failure', 'step_up_required', 'locked'] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];
/**
 * `reason` of the `success` that completes a step-up challenge (code or face): the second event of one sign-in,
 * whose password attempt (`step_up_required`) was already assessed.
 */
export const STEP_UP_COMPLETION_REASONS = ['step_up_passed', 'step_up_face_passed'] as const;

/** Every login attempt, for risk scoring and the audit chain. Never a password or a full phone number. */
export class LoginAttemptedV1 {
  @IsUUID() attemptId!: string;
  @IsOptional() @IsUUID() userId?: string;
  @IsIn(LOGIN_OUTCOMES) outcome!: LoginOutcome;
  @IsOptional() @IsString() @MaxLength(64) reason?: string;
  @IsString() @MaxLength(45) ip!: string;
  @IsString() @MaxLength(512) userAgent!: string;
  @IsOptional() @IsString() @MaxLength(128) deviceId?: string;
  @IsISO8601() attemptedAt!: string;
  /** Institutions the user is a member of at the time of the attempt (for staff filtering); absent for unknown users. */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) institutionIds?: string[];
}

/** The user asked for account cancellation: every service erases or anonymizes what it holds. */
export class ErasureRequestedV1 {
  @IsUUID() userId!: string;
  @IsUUID() requestId!: string;
  @IsISO8601() deadline!: string;
}

export const SESSION_REVOKE_REASONS = [
  'logout',
  'logout_all',
  'ended_by_user',
  'refresh_reuse',
  'security_action',
  'password_changed',
  'contact_changed',
  'account_erased',
] as const;
export type SessionRevokeReason = (typeof SESSION_REVOKE_REASONS)[number];

/** Sessions ended: their refresh tokens no longer work; access tokens with these `sid`s should be refused. */
export class SessionRevokedV1 {
  @IsUUID() userId!: string;
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) sessionIds!: string[];
  @IsIn(SESSION_REVOKE_REASONS) reason!: SessionRevokeReason;
}

export const MEMBERSHIP_CHANGES = ['granted', 'revoked'] as const;
export type MembershipChange = (typeof MEMBERSHIP_CHANGES)[number];

/** A user gained or lost a role in an institution (tenant). */
export class MembershipChangedV1 {
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsIn(ORG_ROLES) role!: OrgRole;
  @IsIn(MEMBERSHIP_CHANGES) change!: MembershipChange;
}

/** An institution was registered; its administrator is its first member. */
export class InstitutionRegisteredV1 {
  @IsUUID() institutionId!: string;
  @IsString() @Length(1, 128) name!: string;
  @IsUUID() adminUserId!: string;
}

export const CONSENT_PURPOSES = [
  'face_biometrics',
  'location',
  'marketing',
  'cross_border_transfer',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** A user gave or withdrew consent for one optional purpose; the service that does that processing obeys it. */
export class ConsentChangedV1 {
  @IsUUID() userId!: string;
  @IsIn(CONSENT_PURPOSES) purpose!: ConsentPurpose;
  @IsBoolean() granted!: boolean;
  /** The privacy policy version in force when the choice was made. */
  @IsOptional() @IsString() @MaxLength(32) policyVersion?: string;
  @IsISO8601() changedAt!: string;
}

export const PASSWORD_CHANGE_METHODS = ['reset_by_code', 'reset_by_face', 'changed_by_user'] as const;
export type PasswordChangeMethod = (typeof PASSWORD_CHANGE_METHODS)[number];

/** A password changed; every other session of the user was ended with it. */
export class PasswordChangedV1 {
  @IsUUID() userId!: string;
  @IsIn(PASSWORD_CHANGE_METHODS) method!: PasswordChangeMethod;
  @IsISO8601() changedAt!: string;
}

export const CONTACT_KINDS = ['phone', 'email'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** A user proved and switched to a new phone or email; their other sessions were ended. Never the full value. */
export class ContactChangedV1 {
  @IsUUID() userId!: string;
  @IsIn(CONTACT_KINDS) kind!: ContactKind;
  /** The new contact, masked (e.g. 139****5678, u***@example.com). */
  @IsString() @MaxLength(100) maskedNewValue!: string;
  @IsISO8601() changedAt!: string;
}

export const PLATFORM_ROLE_CHANGES = ['granted', 'revoked'] as const;
export type PlatformRoleChange = (typeof PLATFORM_ROLE_CHANGES)[number];

/** Who made a platform role change: an administrator through the API, or the bootstrap CLI on the server. */
export const PLATFORM_ROLE_CHANGE_SOURCES = ['admin_api', 'bootstrap_cli'] as const;
export type PlatformRoleChangeSource = (typeof PLATFORM_ROLE_CHANGE_SOURCES)[number];

/**
 * A platform role was granted or revoked, with the reason given; it takes effect in the user's next token.
 * `actorId` is the administrator, absent when the bootstrap CLI appointed the first one.
 */
export class PlatformRoleChangedV1 {
  @IsUUID() changeId!: string;
  @IsUUID() userId!: string;
  @IsIn(PLATFORM_ROLES) role!: PlatformRole;
  @IsIn(PLATFORM_ROLE_CHANGES) change!: PlatformRoleChange;
  @IsIn(PLATFORM_ROLE_CHANGE_SOURCES) source!: PlatformRoleChangeSource;
  @IsOptional() @IsUUID() actorId?: string;
  @IsString() @Length(1, 500) reason!: string;
  @IsISO8601() changedAt!: string;
}
