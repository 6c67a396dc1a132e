import { dayBoundary, isUuid } from './alert-filters';

/** The audit log search in the page address: ids, an event type and days (nothing personal). */
export interface LogFilters {
  /** The subject account (pseudonymous id). */
  userId?: string;
  institutionId?: string;
  eventType?: string;
  fromDay?: string;
  toDay?: string;
}

export const EVENT_TYPE = /^[a-z_]+(\.[a-z_]+){1,2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function logFiltersFromQuery(query: URLSearchParams): LogFilters {
  const subject = query.get('subject');
  const institution = query.get('institution');
  const type = query.get('type');
  const from = query.get('from');
  const to = query.get('to');
  return {
    ...(subject !== null && isUuid(subject) ? { userId: subject } : {}),
    ...(institution !== null && isUuid(institution) ? { institutionId: institution } : {}),
    ...(type !== null && EVENT_TYPE.test(type) ? { eventType: type } : {}),
    ...(from !== null && DAY.test(from) ? { fromDay: from } : {}),
    ...(to !== null && DAY.test(to) ? { toDay: to } : {}),
  };
}

export function logFiltersToQuery(filters: LogFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.userId) query.set('subject', filters.userId);
  if (filters.institutionId) query.set('institution', filters.institutionId);
  if (filters.eventType) query.set('type', filters.eventType);
  if (filters.fromDay) query.set('from', filters.fromDay);
  if (filters.toDay) query.set('to', filters.toDay);
  return query;
}

/** GET /audit/log (and /audit/log/export) for the filters, one page of `limit` after `cursor`. */
export function logSearchQuery(filters: LogFilters, limit: number, cursor?: string): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.userId) query.set('userId', filters.userId);
  if (filters.institutionId) query.set('institutionId', filters.institutionId);
  if (filters.eventType) query.set('eventType', filters.eventType);
  if (filters.fromDay) query.set('from', dayBoundary(filters.fromDay, false));
  if (filters.toDay) query.set('to', dayBoundary(filters.toDay, true));
  query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return query;
}
