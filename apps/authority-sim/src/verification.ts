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
  readonly face?: { readonly livenessPassed: boolean; readonly similarity: number };
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

/** Charged like the commercial services: every answer from the register except "no such number". */
export function isBillable(result: AuthorityResult): boolean {
  return result !== 'not_found';
}

export interface Decision {
  readonly result: AuthorityResult;
  readonly score: number | null;
}

/** The authority's decision, rule by rule as the real services apply them (CONTRACT.md § Results). */
export function decide(person: RegistryPerson | undefined, request: VerificationRequest, today: string, threshold: number): Decision {
  if (person === undefined) return { result: 'not_found', score: null };
  if (person.name !== request.name.normalize('NFC')) return { result: 'mismatch', score: null };
  if (request.document !== undefined) {
    if (request.document.validFrom !== person.validFrom || request.document.validTo !== person.validTo) {
      return { result: 'mismatch', score: null };
    }
  }
  if (person.validTo !== 'long-term' && person.validTo < today) return { result: 'expired_document', score: null };
  if (request.face === undefined) return { result: 'match', score: null };
  if (!person.hasPhoto) return { result: 'no_photo', score: null };
  if (!request.face.livenessPassed) return { result: 'liveness_failed', score: null };
  const score = request.face.similarity;
  return { result: score >= threshold ? 'match' : 'face_mismatch', score };
}
