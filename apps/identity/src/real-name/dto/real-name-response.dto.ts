import type { VerificationResult } from '@exam/contracts';

export class VerificationOutcomeDto {
  attemptId!: string;
  result!: VerificationResult;
  verified!: boolean;
  minor!: boolean;
  warnings!: string[];
  attemptsLeftToday!: number;
  message!: string;
}

/** Verified data for pre-filling other flows, masked by the mapper (maskValue) so full values never reach a DTO. */
export class RealNamePrefillDto {
  maskedName!: string;
  maskedIdNumber!: string;
  validTo!: string;
  minor!: boolean;
  gender!: 'male' | 'female';
  verifiedAt!: string;
}
