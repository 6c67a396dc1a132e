import { Sensitive } from '@exam/platform';
import { IsEmail, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

const MAINLAND_MOBILE = /^(?:\+86|0086)?\s*1[3-9]\d{9}$/;

/** Exactly one of phone or email (validated as at registration), and the current password. */
export class StartContactChangeDto {
  @ValidateIf((dto: StartContactChangeDto) => dto.email === undefined || dto.phone !== undefined)
  @IsString({ message: 'give the new mainland mobile number or the new email address (exactly one)' })
  @Matches(MAINLAND_MOBILE, {
    message: 'phone must be a mainland mobile number: 11 digits starting 13-19, optionally +86',
  })
  phone?: string;

  @ValidateIf((dto: StartContactChangeDto) => dto.phone === undefined || dto.email !== undefined)
  @IsString({ message: 'give the new mainland mobile number or the new email address (exactly one)' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;

  @IsString() @Length(1, 128, { message: 'currentPassword must be given' }) currentPassword!: string;
}

export class ConfirmContactChangeDto {
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we sent' }) code!: string;
}

export class ContactChangeStartedDto {
  kind!: 'phone' | 'email';
  channel!: 'sms' | 'email';
  /** Where the code went; masked on the way out. */
  @Sensitive('phone') phone?: string;
  @Sensitive('email') email?: string;
  codeExpiresInSeconds!: number;
}

export class ContactChangedDto {
  kind!: 'phone' | 'email';
  @Sensitive('phone') phone?: string;
  @Sensitive('email') email?: string;
  /** Sessions ended because the contact changed (every session but this one). */
  endedSessions!: number;
}
