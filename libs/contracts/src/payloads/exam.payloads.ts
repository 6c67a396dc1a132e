import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * A candidate registered for an exam. Carries ids and the fee only, nothing personal. `feeFen` (added
 * compatibly, optional for old producers) is what the payments service charges; 0 or absent when free.
 */
export class RegistrationCreatedV1 {
  @IsUUID() registrationId!: string;
  @IsUUID() examId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsBoolean() feeRequired!: boolean;
  /** Fee in fen (minor units): money is never a float. */
  @IsOptional() @IsInt() @Min(0) @Max(100_000_000) feeFen?: number;
}

/** A registration holds a seat for good: paid (or free) and, where the exam asks for it, approved. */
export class RegistrationConfirmedV1 {
  @IsUUID() registrationId!: string;
  @IsUUID() examId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsISO8601({ strict: true }) confirmedAt!: string;
}

export const REGISTRATION_CANCEL_REASONS = ['candidate', 'rejected'] as const;
export type RegistrationCancelReason = (typeof REGISTRATION_CANCEL_REASONS)[number];

/** A registration ended before the exam (cancelled by the candidate or rejected by staff); its seat is free. */
export class RegistrationCancelledV1 {
  @IsUUID() registrationId!: string;
  @IsUUID() examId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsIn(REGISTRATION_CANCEL_REASONS) reason!: RegistrationCancelReason;
  @IsISO8601({ strict: true }) cancelledAt!: string;
}

/** The payments service should refund the order of a cancelled, paid registration. */
export class RefundRequestedV1 {
  @IsUUID() registrationId!: string;
  @IsUUID() orderId!: string;
  @IsUUID() userId!: string;
  /** Amount in fen (minor units). */
  @IsInt() @Min(0) @Max(100_000_000) amountFen!: number;
  @IsIn(['CNY']) currency!: 'CNY';
}
