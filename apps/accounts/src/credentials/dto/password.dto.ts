import { IsString, Length, Matches } from 'class-validator';

export class RequestPasswordResetDto {
  @IsString()
  @Length(1, 254, { message: 'login must be your phone number, email or user name' })
  login!: string;
}

export class ConfirmPasswordResetDto {
  @IsString()
  @Length(1, 254, { message: 'login must be your phone number, email or user name' })
  login!: string;
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we sent' }) code!: string;
  @IsString()
  @Length(1, 128, { message: 'newPassword must be given (8 to 128 characters)' })
  newPassword!: string;
}

export class ChangePasswordDto {
  @IsString() @Length(1, 128, { message: 'currentPassword must be given' }) currentPassword!: string;
  @IsString()
  @Length(1, 128, { message: 'newPassword must be given (8 to 128 characters)' })
  newPassword!: string;
}

export class ReauthenticateDto {
  @IsString() @Length(1, 128, { message: 'password must be given' }) password!: string;
}
