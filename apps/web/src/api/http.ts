import { notePolicyRefusal } from '../auth/policy-requirement';
import { claimsOf, type Session, tokenStore } from '../auth/token-store';
import { ApiError } from './api-error';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent without an access token (sign-in, sign-up, public pages). */
  anonymous?: boolean;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A response body other than JSON: `blob` for PDFs and spreadsheets. */
  as?: 'json' | 'blob';
}

/** The token response of sign-in, step-up and refresh (accounts' TokenResponseDto). */
export interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  sessionId: string;
  userId: string;
  policyAcceptanceRequired: string | null;
}

export function sessionFrom(token: TokenResponse): Session {
  const { roles, memberships } = claimsOf(token.accessToken);
  return {
    accessToken: token.accessToken,
    userId: token.userId,
    sessionId: token.sessionId,
    expiresAt: Date.now() + token.expiresIn * 1000,
    roles,
    memberships,
    policyAcceptanceRequired: token.policyAcceptanceRequired,
  };
}

let refreshing: Promise<Session | null> | null = null;

/**
 * One refresh at a time in this tab, and across tabs through the Web Locks API: the refresh token rotates,
 * so two tabs presenting the same cookie at once would look like a stolen token being replayed. A tab that
 * waited for the lock sends the cookie the other tab's refresh already rotated.
 */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= withCrossTabLock(async () => {
    try {
      const response = await fetch('/api/accounts/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!response.ok) {
        tokenStore.set(null);
        return null;
      }
      const session = sessionFrom((await response.json()) as TokenResponse);
      tokenStore.set(session);
      return session;
    } catch {
      // Offline: keep what we have; the next request tries again.
      return tokenStore.get();
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function withCrossTabLock<T>(work: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return work();
  return navigator.locks.request('exam-platform-refresh', work) as Promise<T>;
}

/** A token about to expire is refreshed before use (30 s margin), so a request never races its expiry. */
async function freshToken(): Promise<string | undefined> {
  const session = tokenStore.get();
  if (!session) return undefined;
  if (session.expiresAt - Date.now() > 30_000) return session.accessToken;
  return (await refreshSession())?.accessToken;
}

/**
 * Every API call of the app: JSON in and out, the access token from memory, one transparent refresh and retry
 * on a 401, and every failure as an ApiError with the server's code (or NETWORK.OFFLINE).
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const send = async (token: string | undefined): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    try {
      return await fetch(`/api${path}`, {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (cause: unknown) {
      throw ApiError.network(cause);
    }
  };

  const token = options.anonymous ? undefined : await freshToken();
  let response = await send(token);
  if (response.status === 401 && token !== undefined) {
    const renewed = await refreshSession();
    if (renewed) response = await send(renewed.accessToken);
  }
  try {
    return await readBody<T>(response, options.as ?? 'json');
  } catch (error: unknown) {
    // A policy published while signed in: the acceptance page takes over before the token says so.
    if (error instanceof ApiError) notePolicyRefusal(error);
    throw error;
  }
}

async function readBody<T>(response: Response, as: 'json' | 'blob'): Promise<T> {
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw ApiError.fromBody(response.status, body);
  }
  if (response.status === 204 || response.status === 304) return undefined as T;
  if (as === 'blob') return (await response.blob()) as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A fresh idempotency key for one user action (kept by the caller across its retries). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
