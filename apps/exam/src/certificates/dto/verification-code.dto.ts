import { IsString, Length } from 'class-validator';

export class VerificationCodeParamDto {
  /** The 24-character code printed on the certificate (spaces, dashes and lower case are accepted). */
  @IsString() @Length(1, 64) code!: string;
}
