/**
 * The access token lives in this module's memory only (never in storage, never in a URL); the refresh token
 * is the accounts service's HttpOnly cookie, which scripts cannot read. A reload therefore starts signed out
 * in memory and asks `POST /api/accounts/auth/refresh` for a new access token.
 *
 * `maybe-signed-in` in localStorage is a single non-personal bit: it only saves an anonymous visitor a
 * refresh request that can only fail (and the console error Chromium logs for it).
 */
export interface Session {
  accessToken: string;
  userId: string;
  sessionId: string;
  /** Milliseconds since the epoch, by this browser's clock, when the access token stops being accepted. */
  expiresAt: number;
  roles: readonly string[];
  memberships: readonly Membership[];
  policyAcceptanceRequired: string | null;
}

export interface Membership {
  institutionId: string;
  roles: readonly string[];
}

type Listener = (session: Session | null) => void;

const HINT_KEY = 'maybe-signed-in';
let current: Session | null = null;
const listeners = new Set<Listener>();

export const tokenStore = {
  get(): Session | null {
    return current;
  },
  set(session: Session | null): void {
    current = session;
    try {
      if (session) localStorage.setItem(HINT_KEY, '1');
      else localStorage.removeItem(HINT_KEY);
    } catch {
      // Storage can be disabled (private modes); the hint is only an optimisation.
    }
    for (const listener of listeners) listener(session);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  mayHaveSession(): boolean {
    try {
      return localStorage.getItem(HINT_KEY) === '1';
    } catch {
      return true;
    }
  },
};

/** The claims the UI needs from an access token; the servers verify it, this only reads it for display. */
export function claimsOf(accessToken: string): { roles: string[]; memberships: Membership[] } {
  const [, payload] = accessToken.split('.');
  if (!payload) return { roles: [], memberships: [] };
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      roles?: unknown;
      memberships?: unknown;
    };
    return { roles: stringsOf(claims.roles), memberships: membershipsOf(claims.memberships) };
  } catch {
    return { roles: [], memberships: [] };
  }
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function membershipsOf(value: unknown): Membership[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { institutionId, roles } = entry as { institutionId?: unknown; roles?: unknown };
    return typeof institutionId === 'string' ? [{ institutionId, roles: stringsOf(roles) }] : [];
  });
}
