import type { VerificationResult } from '@exam/contracts';

export const AUTHORITY_PROVIDER = Symbol('AUTHORITY_PROVIDER');

export interface AuthorityCheckRequest {
  /** Our attempt id; the provider de-duplicates on it. */
  readonly requestId: string;
  readonly name: string;
  readonly idNumber: string;
  /** The card's validity period when collected (a guardian's is not). */
  readonly document?: { readonly validFrom: string; readonly validTo: string };
  /**
   * The frontal frame of a passed liveness challenge (PNG/JPEG bytes as the camera sent them): the authority
   * compares it with its own photo of the person and returns the score. Never a score computed here.
   */
  readonly face?: { readonly image: Buffer };
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
  /** Submits a check and confirms its result with a server-side query before returning it. */
  check(request: AuthorityCheckRequest): Promise<AuthorityDecision>;
  /** The provider's current record of an earlier check (for notifications, which are never trusted alone). */
  query(providerRef: string): Promise<AuthorityDecision>;
}
