import { CONSENT_PURPOSES, type ConsentPurpose } from '@exam/contracts';
import { IsBoolean, IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';

export class PublishPolicyDto {
  @Matches(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, {
    message: 'version must be 1-32 letters, digits, dots, _ or -',
  })
  version!: string;
  @IsString() @Length(1, 1_000_000) text!: string;
  @IsISO8601({ strict: true }, { message: 'effectiveAt must be an ISO 8601 date-time' }) effectiveAt!: string;
  @IsBoolean() materialChange!: boolean;
}

export class AcceptPolicyDto {
  @IsString() @Length(1, 32) version!: string;
}

export class ConsentPurposeParams {
  @IsIn(CONSENT_PURPOSES, { message: `purpose must be one of: ${CONSENT_PURPOSES.join(', ')}` })
  purpose!: ConsentPurpose;
}

export class SetConsentDto {
  @IsBoolean({ message: 'granted must be true or false' }) granted!: boolean;
}

export class PolicyVersionDto {
  version!: string;
  effectiveAt!: string;
  materialChange!: boolean;
  text?: string;
}

export class ConsentDto {
  purpose!: ConsentPurpose;
  granted!: boolean;
  policyVersion!: string | null;
  updatedAt!: string | null;
}
