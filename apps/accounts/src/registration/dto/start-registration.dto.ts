import { IsPlainText } from '@exam/platform';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

const MAINLAND_MOBILE = /^(?:\+86|0086)?\s*1[3-9]\d{9}$/;

/** Exactly one of phone or email; the extra profile fields are optional and never block registration. */
export class StartRegistrationDto {
  @ValidateIf((dto: StartRegistrationDto) => dto.email === undefined || dto.phone !== undefined)
  @IsString({ message: 'give a mainland mobile number or an email address (exactly one)' })
  @Matches(MAINLAND_MOBILE, {
    message: 'phone must be a mainland mobile number: 11 digits starting 13-19, optionally +86',
  })
  phone?: string;

  @ValidateIf((dto: StartRegistrationDto) => dto.phone === undefined || dto.email !== undefined)
  @IsString({ message: 'give a mainland mobile number or an email address (exactly one)' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;

  @IsString() @Length(1, 128, { message: 'password must be given (8 to 128 characters)' }) password!: string;

  @IsString()
  @IsPlainText()
  @Length(1, 64, { message: 'nickname must be 1 to 64 characters' })
  nickname!: string;

  @IsOptional()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, {
    message: 'username must be 4-32 letters, digits or _, starting with a letter',
  })
  username?: string;

  /** The privacy policy version the user read and accepted; required once a policy is in force. */
  @IsOptional() @IsString() @Length(1, 32) acceptedPolicyVersion?: string;

  @IsOptional() @IsString() @IsPlainText() @Length(1, 64) fullName?: string;
  @IsOptional() @IsString() @IsPlainText() @Length(1, 64) jobTitle?: string;
  @IsOptional() @IsString() @IsPlainText() @Length(1, 128) company?: string;
  @IsOptional() @IsString() @IsPlainText() @Length(1, 64) education?: string;
}

export class VerifyRegistrationDto {
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we sent' }) code!: string;
}
