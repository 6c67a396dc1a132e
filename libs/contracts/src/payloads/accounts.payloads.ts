import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

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
}

/** The user asked for account cancellation: every service erases or anonymizes what it holds. */
export class ErasureRequestedV1 {
  @IsUUID() userId!: string;
  @IsUUID() requestId!: string;
  @IsISO8601() deadline!: string;
}
