import type { VerificationResult } from '@exam/contracts';

export const AUTHORITY_PROVIDER = Symbol('AUTHORITY_PROVIDER');

export interface AuthorityCheckRequest {
  /** Our attempt id; the provider de-duplicates on it. */
  readonly requestId: string;
  readonly name: string;
  readonly idNumber: string;
  readonly document: { readonly validFrom: string; readonly validTo: string };
  /** Present once the face engine supplies a liveness-checked capture. */
  readonly face?: { readonly livenessPassed: boolean; readonly similarity: number };
}

/** One normalized decision, with everything needed to explain and bill it later. */
export interface AuthorityDecision {
  readonly result: VerificationResult;
  readonly billable: boolean;
  readonly score: number | null;
  readonly threshold: number | null;
  readonly provider: string;
  readonly modelVersion: string | null;
  /** The provider's id of the check, used for the confirming query; null when it never answered. */
  readonly providerRef: string | null;
  /** Machine-readable detail for provider_error / rate_limited (never personal data). */
  readonly detail: string | null;
}

/** A real-name authority (the commercial services, or the local simulator), behind one interface. */
export interface AuthorityProvider {
  check(request: AuthorityCheckRequest): Promise<AuthorityDecision>;
}
