import { useSyncExternalStore } from 'react';

import { type Session, tokenStore } from './token-store';

/** The signed-in session (or null), re-rendering on sign-in, refresh and sign-out. */
export function useSession(): Session | null {
  const snapshot = () => tokenStore.get();
  return useSyncExternalStore((listener) => tokenStore.subscribe(listener), snapshot, snapshot);
}
