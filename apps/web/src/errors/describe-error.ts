import type { i18n as I18n } from 'i18next';

import { ApiError } from '../api/api-error';

export interface DescribedError {
  /** A sentence for the person, in their language. */
  message: string;
  /** The stable code, for tests and support (never shown as the only text). */
  code: string;
  /** Quote this when reporting a problem. */
  correlationId?: string;
}

/**
 * Words a candidate understands for any failure: the feature's own text for the code (its namespace's
 * `errors` table), else the shared table, else a sentence for the kind of failure (by HTTP status).
 * Raw JSON and stack traces are never shown.
 */
export function describeError(error: unknown, i18n: I18n, namespace?: string): DescribedError {
  const apiError = error instanceof ApiError ? error : ApiError.network(error);
  const language = i18n.language;
  const lookup = (ns: string): string | undefined => {
    const table = i18n.getResource(language, ns, 'errors') as Record<string, string> | undefined;
    return table?.[apiError.code];
  };
  const kinds = i18n.getResource(language, 'common', 'errorKinds') as Partial<Record<string, string>>;
  const status = String(apiError.status);
  const fallback = kinds[status] ?? kinds[apiError.status >= 500 ? '500' : '400'] ?? apiError.message;
  const message = (namespace ? lookup(namespace) : undefined) ?? lookup('common') ?? fallback;
  return {
    message,
    code: apiError.code,
    ...(apiError.correlationId ? { correlationId: apiError.correlationId } : {}),
  };
}
