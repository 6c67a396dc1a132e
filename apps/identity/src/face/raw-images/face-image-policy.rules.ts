/**
 * An institution's rule for raw enrolment images. By default nothing but the descriptor is kept; an institution
 * may ask for the image (e.g. for its own exam-day identity checks), and then only encrypted and for a bounded
 * time.
 */
export interface FaceImagePolicy {
  readonly keepRawImage: boolean;
  /** Days an image is kept after enrolment; null when images are not kept. */
  readonly retentionDays: number | null;
}

/** The longest an institution may keep a raw image: one year, the span of an exam season and its appeals. */
export const MAX_RAW_IMAGE_RETENTION_DAYS = 365;
export const MIN_RAW_IMAGE_RETENTION_DAYS = 1;

export const DEFAULT_FACE_IMAGE_POLICY: FaceImagePolicy = { keepRawImage: false, retentionDays: null };

export type FaceImagePolicyViolation =
  | { readonly field: 'retentionDays'; readonly reason: 'required when keepRawImage is true' }
  | { readonly field: 'retentionDays'; readonly reason: 'only allowed when keepRawImage is true' }
  | {
      readonly field: 'retentionDays';
      readonly reason: `must be a whole number of days from ${number} to ${number}`;
    };

export type FaceImagePolicyCheck =
  | { readonly valid: true; readonly policy: FaceImagePolicy }
  | { readonly valid: false; readonly violation: FaceImagePolicyViolation };

/** The policy an admin asks for, or the rule it breaks. */
export function checkFaceImagePolicy(input: {
  readonly keepRawImage: boolean;
  readonly retentionDays?: number | null;
}): FaceImagePolicyCheck {
  const days = input.retentionDays ?? null;
  if (!input.keepRawImage) {
    if (days !== null)
      return {
        valid: false,
        violation: { field: 'retentionDays', reason: 'only allowed when keepRawImage is true' },
      };
    return { valid: true, policy: DEFAULT_FACE_IMAGE_POLICY };
  }
  if (days === null)
    return {
      valid: false,
      violation: { field: 'retentionDays', reason: 'required when keepRawImage is true' },
    };
  if (!Number.isInteger(days) || days < MIN_RAW_IMAGE_RETENTION_DAYS || days > MAX_RAW_IMAGE_RETENTION_DAYS) {
    return {
      valid: false,
      violation: {
        field: 'retentionDays',
        reason: `must be a whole number of days from ${MIN_RAW_IMAGE_RETENTION_DAYS} to ${MAX_RAW_IMAGE_RETENTION_DAYS}`,
      },
    };
  }
  return { valid: true, policy: { keepRawImage: true, retentionDays: days } };
}

/** Until when an image enrolled at `at` is kept under `policy`; null when it is not kept at all. */
export function rawImageExpiry(policy: FaceImagePolicy, at: Date): Date | null {
  if (!policy.keepRawImage || policy.retentionDays === null) return null;
  return new Date(at.getTime() + policy.retentionDays * 86_400_000);
}
