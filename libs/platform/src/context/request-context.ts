import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContextStore {
  readonly traceId: string;
  /** False when the request said `DNT: 1` or `Sec-GPC: 1`; absent outside HTTP requests (events, jobs). */
  readonly optionalAnalytics?: boolean;
}

const storage = new AsyncLocalStorage<RequestContextStore>();
const TRACE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Accepts a caller-supplied trace id only if it is well-formed; otherwise starts a new trace. */
export function normalizeTraceId(candidate: unknown): string {
  return typeof candidate === 'string' && TRACE_ID.test(candidate) ? candidate : randomUUID();
}

export function runWithContext<T>(store: RequestContextStore, fn: () => T): T {
  return storage.run(store, fn);
}

/** The trace id of the current request or event; a fresh one outside any context. */
export function currentTraceId(): string {
  return storage.getStore()?.traceId ?? randomUUID();
}

export function hasContext(): boolean {
  return storage.getStore() !== undefined;
}

/**
 * The gate every optional (non-security, non-service) analytics recording must pass: true only inside an HTTP
 * request that sent neither `DNT: 1` nor `Sec-GPC: 1`. Outside a request there is no signal, so the answer is no.
 */
export function optionalAnalyticsAllowed(): boolean {
  return storage.getStore()?.optionalAnalytics === true;
}
