import type { IncomingMessage, ServerResponse } from 'node:http';

import { optionalAnalyticsAllowedBy } from '../context/privacy-signals';
import { normalizeTraceId, runWithContext } from '../context/request-context';

/**
 * Runs each request inside its trace context: the caller's `x-request-id` if well-formed (the
 * gateway sets one), otherwise a new id. Events staged while handling it carry the same trace id. The request's
 * Do Not Track / Global Privacy Control signal rides along as `optionalAnalyticsAllowed()`.
 */
export function requestContextMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const traceId = normalizeTraceId(req.headers['x-request-id']);
  res.setHeader('x-request-id', traceId);
  runWithContext({ traceId, optionalAnalytics: optionalAnalyticsAllowedBy(req.headers) }, next);
}
