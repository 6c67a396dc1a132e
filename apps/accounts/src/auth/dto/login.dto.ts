import { Sensitive } from '@exam/platform';
import { IsString, IsUUID, Length, Matches } from 'class-validator';

export class LoginDto {
  /** Phone number, email address or user name. */
  @IsString() @Length(1, 254, { message: 'login must be your phone number, email or user name' }) login!: string;
  @IsString() @Length(1, 128, { message: 'password must be given' }) password!: string;
}

export class TokenResponseDto {
  accessToken!: string;
  tokenType!: 'Bearer';
  expiresIn!: number;
  sessionId!: string;
  userId!: string;
  /** Set when a materially changed privacy policy must be accepted (POST me/policy-acceptances) before anything else. */
  policyAcceptanceRequired!: string | null;
}

export class StepUpDto {
  @IsUUID('all', { message: 'challengeId must be the id returned by the sign-in' }) challengeId!: string;
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we sent' }) code!: string;
}

/** Password was right, but this sign-in must be confirmed with a one-time code first (202). */
export class VerificationRequiredDto {
  verificationRequired!: true;
  method!: 'one_time_code';
  challengeId!: string;
  channel!: 'sms' | 'email';
  @Sensitive('phone') phone?: string;
  @Sensitive('email') email?: string;
  codeExpiresInSeconds!: number;
}
