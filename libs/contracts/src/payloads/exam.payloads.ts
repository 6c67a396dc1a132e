import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

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

export const ATTEMPT_CLOSINGS = ['candidate', 'deadline'] as const;
export type AttemptClosedBy = (typeof ATTEMPT_CLOSINGS)[number];

/**
 * An attempt was closed, by its candidate or by the deadline job from its latest saved answers, and its
 * objective questions graded. `status` is `graded` when nothing waits for a marker, else `submitted`.
 * Ids and points only.
 */
export class AttemptSubmittedV1 {
  @IsUUID() attemptId!: string;
  @IsUUID() examId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsInt() @Min(1) @Max(10_000) attemptNumber!: number;
  @IsIn(ATTEMPT_CLOSINGS) closedBy!: AttemptClosedBy;
  @IsIn(['submitted', 'graded']) status!: 'submitted' | 'graded';
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) objectiveScore!: number;
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) maxScore!: number;
  @IsBoolean() needsMarking!: boolean;
  @IsISO8601({ strict: true }) submittedAt!: string;
}

/**
 * Staff released an exam's results (`resultsRelease = after_marking`): from now on candidates see their
 * scores. Published once per exam; ids only.
 */
export class ResultsReleasedV1 {
  @IsUUID() examId!: string;
  @IsUUID() institutionId!: string;
  /** The org_admin who released them. */
  @IsUUID() releasedBy!: string;
  @IsISO8601({ strict: true }) releasedAt!: string;
}

/** A certificate was issued on a passed, released result. Ids only: no name, no verification code. */
export class CertificateIssuedV1 {
  @IsUUID() certificateId!: string;
  @IsUUID() examId!: string;
  @IsUUID() institutionId!: string;
  @IsUUID() userId!: string;
  @IsUUID() attemptId!: string;
  @IsISO8601({ strict: true }) issuedAt!: string;
}
