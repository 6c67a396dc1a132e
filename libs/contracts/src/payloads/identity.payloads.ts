import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const VERIFICATION_RESULTS = [
  'match',
  'mismatch',
  'not_found',
  'no_photo',
  'face_mismatch',
  'liveness_failed',
  'expired_document',
  'rate_limited',
  'provider_error',
] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

/** Real-name verification finished. Carries masked values only, never the ID number. */
export class VerificationCompletedV1 {
  @IsUUID() userId!: string;
  @IsUUID() verificationId!: string;
  @IsIn(VERIFICATION_RESULTS) result!: VerificationResult;
  @IsString() @MaxLength(64) maskedName!: string;
  @IsString() @MaxLength(32) maskedIdNumber!: string;
  @IsBoolean() minor!: boolean;
  /**
   * The authority matched the live capture (after identity's liveness check) with its register photo: the
   * account's face is bound to the verified person. Absent in events published before it existed (= false).
   */
  @IsOptional() @IsBoolean() faceVerified?: boolean;
}

export const GUARDIAN_RELATIONSHIPS = ['father', 'mother', 'legal_guardian'] as const;
export type GuardianRelationshipKind = (typeof GUARDIAN_RELATIONSHIPS)[number];

/**
 * A verified user is a minor (under 18 on the day of verification). `adultOn` lets consumers lift the flag
 * without asking again; `guardianConsentRequired` marks children under 14, whose data needs a guardian's consent.
 */
export class MinorFlaggedV1 {
  @IsUUID() userId!: string;
  @IsBoolean() guardianConsentRequired!: boolean;
  @IsISO8601({ strict: true }) adultOn!: string;
}

/** A verified guardian consented to the processing of a child's data. Carries no guardian identifiers. */
export class GuardianConsentRecordedV1 {
  @IsUUID() childUserId!: string;
  @IsUUID() consentId!: string;
  @IsIn(GUARDIAN_RELATIONSHIPS) relationship!: GuardianRelationshipKind;
  @IsUUID() guardianVerificationId!: string;
}

/**
 * The guardian withdrew consent to the processing of a child's data (under 14): identity has erased the child's
 * real-name record and face data and waits for a new consent. Consumers stop processing the child's data that
 * rests on this consent. Carries no guardian identifiers.
 */
export class GuardianConsentWithdrawnV1 {
  @IsUUID() childUserId!: string;
  @IsUUID() consentId!: string;
  @IsIn(GUARDIAN_RELATIONSHIPS) relationship!: GuardianRelationshipKind;
  @IsISO8601({ strict: true }) withdrawnAt!: string;
}

export const REAL_NAME_APPEAL_KINDS = ['id_number_taken', 'change_request'] as const;
export type RealNameAppealKind = (typeof REAL_NAME_APPEAL_KINDS)[number];
export const APPEAL_DECISIONS = ['approved', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

/**
 * A platform admin decided a real-name appeal (a change request or a disputed ID number), with a reason, for
 * the audit chain. `revokedUserId` names the account whose verification was withdrawn by an approval.
 */
export class RealNameAppealReviewedV1 {
  @IsUUID() appealId!: string;
  @IsUUID() userId!: string;
  @IsIn(REAL_NAME_APPEAL_KINDS) kind!: RealNameAppealKind;
  @IsIn(APPEAL_DECISIONS) decision!: AppealDecision;
  @IsUUID() reviewerId!: string;
  @IsString() @MaxLength(500) reason!: string;
  @IsOptional() @IsUUID() revokedUserId?: string;
}

export const FACE_ENROLMENT_CHANGES = ['enrolled', 'withdrawn'] as const;
export type FaceEnrolmentChange = (typeof FACE_ENROLMENT_CHANGES)[number];

/**
 * A user enrolled a face (it opens face sign-in and recovery after a cooling period) or withdrew it, on the
 * user's own request. Accounts tells the account's proven contacts. Carries no biometric.
 */
export class FaceEnrolmentChangedV1 {
  @IsUUID() userId!: string;
  @IsIn(FACE_ENROLMENT_CHANGES) change!: FaceEnrolmentChange;
  @IsISO8601({ strict: true }) changedAt!: string;
}
