import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const LOGIN_DECISIONS = ['allow', 'step_up', 'block'] as const;
export type LoginDecision = (typeof LOGIN_DECISIONS)[number];

/**
 * Audit's risk decision on a login attempt; accounts enforces it. Published for step-up and block
 * only (an allow asks nothing of accounts); consumers still accept 'allow' and ignore it.
 */
export class LoginAssessedV1 {
  @IsUUID() attemptId!: string;
  @IsUUID() userId!: string;
  @IsIn(LOGIN_DECISIONS) decision!: LoginDecision;
  @IsInt() @Min(0) @Max(1000) score!: number;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(64, { each: true }) rulesFired!: string[];
}

export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export class AlertRaisedV1 {
  @IsUUID() alertId!: string;
  @IsUUID() userId!: string;
  @IsIn(ALERT_SEVERITIES) severity!: AlertSeverity;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) rulesFired!: string[];
}

export const ACCOUNT_ACTIONS = ['lock', 'unlock', 'force_logout', 'require_reverification'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export const ACCOUNT_ACTION_REASONS = [
  'suspected_takeover',
  'brute_force',
  'credential_stuffing',
  'user_request',
  'false_positive',
  'other',
] as const;
export type AccountActionReason = (typeof ACCOUNT_ACTION_REASONS)[number];

/** Security staff asked accounts to act on an account (lock, unlock, force logout, re-verify); accounts carries it out. */
export class AccountActionRequestedV1 {
  @IsUUID() actionId!: string;
  @IsUUID() userId!: string;
  @IsIn(ACCOUNT_ACTIONS) action!: AccountAction;
  @IsIn(ACCOUNT_ACTION_REASONS) reason!: AccountActionReason;
  /** The staff member who asked; the free-text note stays in audit (it may name people). */
  @IsUUID() requestedBy!: string;
  @IsOptional() @IsUUID() alertId?: string;
}

/**
 * Security staff notify users affected by a personal-information incident (PIPL art. 57): the
 * notification channel tells each user the cause, the measures taken and what they can do. The texts
 * are about the incident, never about one person.
 */
export class IncidentNotificationRequestedV1 {
  @IsUUID() incidentId!: string;
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) userIds!: string[];
  @IsString() @MaxLength(2000) cause!: string;
  @IsString() @MaxLength(2000) measures!: string;
  @IsString() @MaxLength(2000) userGuidance!: string;
}
