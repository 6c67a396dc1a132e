import { useEffect } from 'react';

import { tokenStore } from '../../auth/token-store';

/** Navigation state of a page reached after the server ended every session (cancellation, new password). */
export interface SignedOutState {
  signedOut: true;
}

export function cameSignedOut(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as { signedOut?: unknown }).signedOut === true;
}

/**
 * Forgets this tab's session once the page saying so is on screen. Forgetting it before leaving the signed-in
 * page would let RequireAuth send the person to the sign-in page first (its update is synchronous, the
 * router's navigation is a transition).
 */
export function useForgetSession(when: boolean): void {
  useEffect(() => {
    if (when) tokenStore.set(null);
  }, [when]);
}
