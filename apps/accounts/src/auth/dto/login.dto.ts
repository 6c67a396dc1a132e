import { Sensitive } from '@exam/platform';
import { IsJWT, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  /** Phone number, email address or user name. */
  @IsString()
  @Length(1, 254, { message: 'login must be your phone number, email or user name' })
  login!: string;
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

/**
 * Password was right, but this sign-in must be confirmed first (202): with the one-time code sent to the
 * proven phone or email (`POST auth/step-up`), or, when `methods` lists `face`, with a face check taken at the
 * identity service with `faceTicket` and then `POST auth/step-up/face`.
 */
export class VerificationRequiredDto {
  verificationRequired!: true;
  /** The method a client that knows only one should use. */
  method!: 'one_time_code';
  methods!: ('one_time_code' | 'face')[];
  challengeId!: string;
  channel!: 'sms' | 'email';
  @Sensitive('phone') phone?: string;
  @Sensitive('email') email?: string;
  codeExpiresInSeconds!: number;
  /** For `POST /api/identity/face/pre-auth/challenges` and `.../checks`; present only when `methods` has `face`. */
  faceTicket?: string;
}

const faceCheckToken =
  (): PropertyDecorator =>
  (target: object, key: string | symbol): void => {
    MaxLength(4096)(target, key);
    IsJWT({ message: 'faceCheckToken must be the token the passed face check returned' })(target, key);
  };

export class FaceStepUpDto {
  @IsUUID('all', { message: 'challengeId must be the id returned by the sign-in' }) challengeId!: string;
  @faceCheckToken() faceCheckToken!: string;
}

export class FaceTicketRequestDto {
  /** Phone number, email address or user name of the account. */
  @IsString()
  @Length(1, 254, { message: 'login must be your phone number, email or user name' })
  login!: string;
}

/** Always the same shape, whether or not the account exists or has a face enrolled. */
export class FaceTicketResponseDto {
  faceTicket!: string;
  expiresInSeconds!: number;

  static from(issued: { readonly ticket: string; readonly expiresInSeconds: number }): FaceTicketResponseDto {
    return Object.assign(new FaceTicketResponseDto(), {
      faceTicket: issued.ticket,
      expiresInSeconds: issued.expiresInSeconds,
    });
  }
}

export class FaceSignInDto {
  @faceCheckToken() faceCheckToken!: string;
}

export class FacePasswordResetDto {
  @faceCheckToken() faceCheckToken!: string;
  /** The password-reset code sent to the proven phone or email when the ticket was asked for: the second factor. */
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we sent to your phone or email' }) code!: string;
  @IsString()
  @Length(1, 128, { message: 'newPassword must be given (8 to 128 characters)' })
  newPassword!: string;
}
