import {
  IsBoolean,
  IsHexadecimal,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

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

export const ATTEMPT_STAFF_ACTIONS = ['add_time', 'pause', 'resume', 'terminate'] as const;
export type AttemptStaffActionKind = (typeof ATTEMPT_STAFF_ACTIONS)[number];

/**
 * A member of the exam's institution changed a running attempt (added time, paused, resumed or terminated it)
 * with a written reason. Ids only: the reason stays in the exam service; its SHA-256 lets an auditor prove the
 * stored reason unchanged. `deadlineAt` is the attempt's deadline after the action.
 */
export class ProctoringStaffActionTakenV1 {
  @IsUUID() actionId!: string;
  @IsUUID() attemptId!: string;
  @IsUUID() examId!: string;
  @IsUUID() institutionId!: string;
  /** The candidate. */
  @IsUUID() userId!: string;
  @IsUUID() staffUserId!: string;
  @IsIn(ATTEMPT_STAFF_ACTIONS) action!: AttemptStaffActionKind;
  /** Minutes added (add_time), else 0. */
  @IsInt() @Min(0) @Max(1440) minutes!: number;
  @IsHexadecimal() @Length(64, 64) reasonSha256!: string;
  @IsISO8601({ strict: true }) deadlineAt!: string;
  @IsISO8601({ strict: true }) takenAt!: string;
}

export const PROCTORING_RULE_NAMES = ['tab_switch', 'full_screen', 'copy_paste', 'face_check'] as const;
export const PROCTORING_CONSEQUENCES = ['warning', 'flagged', 'terminated'] as const;
export type ProctoringConsequence = (typeof PROCTORING_CONSEQUENCES)[number];

/**
 * The exam's anti-cheat policy acted on an attempt: the candidate was warned, or the configured consequence
 * (flag for review, terminate) applied, because `rule` was breached. Ids and counts only.
 */
export class ProctoringConsequenceAppliedV1 {
  @IsUUID() attemptId!: string;
  @IsUUID() examId!: string;
  @IsUUID() institutionId!: string;
  @IsUUID() userId!: string;
  @IsIn(PROCTORING_RULE_NAMES) rule!: (typeof PROCTORING_RULE_NAMES)[number];
  @IsIn(PROCTORING_CONSEQUENCES) consequence!: ProctoringConsequence;
  /** Events counted against the rule so far, this one included. */
  @IsInt() @Min(1) @Max(1_000_000) count!: number;
  /** Warnings the candidate has had, this one included. */
  @IsInt() @Min(0) @Max(1_000_000) warnings!: number;
  @IsISO8601({ strict: true }) appliedAt!: string;
}

export const ATTEMPT_GRADE_REASONS = ['submission', 'marking', 'remark', 'regrade'] as const;
export type AttemptGradeReason = (typeof ATTEMPT_GRADE_REASONS)[number];

/**
 * Every question of an attempt has a score: its total is final until a remark or a regrade changes it, which
 * publishes this event again with the new total (`reason`). Ids and points only.
 */
export class AttemptGradedV1 {
  @IsUUID() attemptId!: string;
  @IsUUID() examId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsIn(ATTEMPT_GRADE_REASONS) reason!: AttemptGradeReason;
  /** Objective plus marked points. */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) score!: number;
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) objectiveScore!: number;
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) maxScore!: number;
  @IsISO8601({ strict: true }) gradedAt!: string;
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
