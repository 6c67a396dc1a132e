import type { VerificationResult } from '@exam/contracts';

export class VerificationOutcomeDto {
  attemptId!: string;
  result!: VerificationResult;
  verified!: boolean;
  minor!: boolean;
  warnings!: string[];
  attemptsLeftToday!: number;
  /** What to do next; for a liveness failure decided by identity it names what went wrong. */
  message!: string;
  /**
   * Why identity's own liveness check failed, e.g. "the same picture was sent more than once (a still image)" or
   * "frame 1 does not show turn_left (yaw 0.02)" (frames counted from 0); null for every other result, including a
   * liveness refusal by the authority.
   */
  livenessReason!: string | null;
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
