import { compareFace } from './face-comparison';
import type { ReferencePhotos } from './registry/reference-photos';
import type { RegistryPerson } from './registry/test-persons';

export const AUTHORITY_RESULTS = [
  'match',
  'mismatch',
  'not_found',
  'no_photo',
  'face_mismatch',
  'liveness_failed',
  'expired_document',
] as const;
export type AuthorityResult = (typeof AUTHORITY_RESULTS)[number];

export interface VerificationRequest {
  readonly requestId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly document?: { readonly validFrom: string; readonly validTo: string };
  /** The live capture (PNG or JPEG bytes) the authority compares with its photo of the person. */
  readonly face?: { readonly image: Buffer };
  readonly callbackUrl?: string;
}

export interface VerificationRecord {
  readonly verificationId: string;
  readonly requestId: string;
  readonly result: AuthorityResult;
  /** Whether this call is charged: the register was consulted and gave an answer about a real person. */
  readonly billable: boolean;
  readonly score: number | null;
  readonly threshold: number | null;
  readonly provider: string;
  readonly modelVersion: string | null;
  readonly checkedAt: string;
}

/**
 * Charged like the commercial services: every answer from the register, except "no such number" and a capture
 * refused by liveness before any comparison with the photo.
 */
export function isBillable(result: AuthorityResult): boolean {
  return result !== 'not_found' && result !== 'liveness_failed';
}

export interface Decision {
  readonly result: AuthorityResult;
  readonly score: number | null;
}

/** The authority's decision, rule by rule as the real services apply them (CONTRACT.md § Results). */
export function decide(
  person: RegistryPerson | undefined,
  request: VerificationRequest,
  today: string,
  threshold: number,
  photos: ReferencePhotos,
): Decision {
  if (person === undefined) return { result: 'not_found', score: null };
  if (person.name !== request.name.normalize('NFC')) return { result: 'mismatch', score: null };
  if (request.document !== undefined) {
    if (request.document.validFrom !== person.validFrom || request.document.validTo !== person.validTo) {
      return { result: 'mismatch', score: null };
    }
  }
  if (person.validTo !== 'long-term' && person.validTo < today)
    return { result: 'expired_document', score: null };
  if (request.face === undefined) return { result: 'match', score: null };
  const face = compareFace(photos, person.photoLabel, request.face.image);
  if (face.kind !== 'compared') return { result: face.kind, score: null };
  return { result: face.score >= threshold ? 'match' : 'face_mismatch', score: face.score };
}
