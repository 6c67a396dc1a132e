import { IsString, Length } from 'class-validator';

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
}
