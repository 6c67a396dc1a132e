import type { AuthorityDecision } from '../../authority/authority.provider';

/** Recorded as the provider of decisions taken before the authority is asked. */
export const LOCAL_LIVENESS_PROVIDER = 'identity-liveness';

/**
 * A liveness failure of the real-name face step, decided by identity's own challenge-response check: stored
 * like an authority decision (result, model version, reason) but never billable, since no provider was called.
 */
export function localLivenessFailure(reason: string, modelVersion: string): AuthorityDecision {
  return {
    result: 'liveness_failed',
    billable: false,
    score: null,
    threshold: null,
    provider: LOCAL_LIVENESS_PROVIDER,
    modelVersion: modelVersion.slice(0, 128),
    providerRef: null,
    detail: reason.slice(0, 255),
  };
}

/**
 * The reason stored for a local liveness failure, which the person can act on (e.g. a still image, a movement
 * not shown); null for any other decision. The authority's own liveness refusals carry no such reason.
 */
export function localLivenessReason(decision: AuthorityDecision): string | null {
  if (decision.provider !== LOCAL_LIVENESS_PROVIDER || decision.result !== 'liveness_failed') return null;
  return decision.detail;
}
