import {
  ALERT_SORTS,
  ALERT_STATUSES,
  type AlertSort,
  type AlertStatus,
  OPEN_STATUSES,
  RULE_CODES,
  type RuleCode,
  SEVERITIES,
  type Severity,
} from '../api/types';

/**
 * The queue's filters as they live in the page address: enums, ids (pseudonymous account and institution ids)
 * and dates only — never a name, number or address. Anything unknown in the address is dropped, not sent.
 */
export interface AlertFilters {
  /** Empty: every status. */
  statuses: AlertStatus[];
  severities: Severity[];
  rule?: RuleCode;
  institutionId?: string;
  userId?: string;
  /** Only alerts assigned to the signed-in staff member (their id is added when the API is called). */
  mine: boolean;
  /** Local calendar days, YYYY-MM-DD. */
  fromDay?: string;
  toDay?: string;
  sort: AlertSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;

export const DEFAULT_ALERT_FILTERS: AlertFilters = {
  statuses: [...OPEN_STATUSES],
  severities: [],
  mine: false,
  sort: 'slaDueAt',
  order: 'asc',
  page: 1,
  pageSize: 20,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function listOf<T extends string>(allowed: readonly T[], value: string | null): T[] {
  if (value === null || value === '') return [];
  return [...new Set(value.split(','))].filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function validDay(value: string | null): string | undefined {
  if (value === null || !DAY.test(value)) return undefined;
  return Number.isNaN(new Date(`${value}T00:00:00`).getTime()) ? undefined : value;
}

function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Reads the filters from the address; `status=all` means every status, no `status` the open ones. */
export function alertFiltersFromQuery(query: URLSearchParams): AlertFilters {
  const status = query.get('status');
  const rule = oneOf(RULE_CODES, query.get('rule'));
  const institution = query.get('institution');
  const account = query.get('account');
  const fromDay = validDay(query.get('from'));
  const toDay = validDay(query.get('to'));
  const pageSize = positiveInt(query.get('size'), DEFAULT_ALERT_FILTERS.pageSize, 100);
  return {
    statuses: status === null ? [...OPEN_STATUSES] : status === 'all' ? [] : listOf(ALERT_STATUSES, status),
    severities: listOf(SEVERITIES, query.get('severity')),
    ...(rule ? { rule } : {}),
    ...(institution !== null && isUuid(institution) ? { institutionId: institution } : {}),
    ...(account !== null && isUuid(account) ? { userId: account } : {}),
    mine: query.get('mine') === '1',
    ...(fromDay ? { fromDay } : {}),
    ...(toDay ? { toDay } : {}),
    sort: oneOf(ALERT_SORTS, query.get('sort')) ?? DEFAULT_ALERT_FILTERS.sort,
    order: oneOf(['asc', 'desc'] as const, query.get('order')) ?? DEFAULT_ALERT_FILTERS.order,
    page: positiveInt(query.get('page'), 1, 1_000_000),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize)
      ? pageSize
      : DEFAULT_ALERT_FILTERS.pageSize,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/** The address for the filters, leaving out what equals the default so a plain /security stays plain. */
export function alertFiltersToQuery(filters: AlertFilters): URLSearchParams {
  const query = new URLSearchParams();
  const d = DEFAULT_ALERT_FILTERS;
  if (!sameList(filters.statuses, d.statuses))
    query.set('status', filters.statuses.length === 0 ? 'all' : filters.statuses.join(','));
  if (filters.severities.length > 0) query.set('severity', filters.severities.join(','));
  if (filters.rule) query.set('rule', filters.rule);
  if (filters.institutionId) query.set('institution', filters.institutionId);
  if (filters.userId) query.set('account', filters.userId);
  if (filters.mine) query.set('mine', '1');
  if (filters.fromDay) query.set('from', filters.fromDay);
  if (filters.toDay) query.set('to', filters.toDay);
  if (filters.sort !== d.sort) query.set('sort', filters.sort);
  if (filters.order !== d.order) query.set('order', filters.order);
  if (filters.page !== 1) query.set('page', String(filters.page));
  if (filters.pageSize !== d.pageSize) query.set('size', String(filters.pageSize));
  return query;
}

/** The start of a local calendar day, or the start of the day after (an inclusive "to" day), as ISO. */
export function dayBoundary(day: string, end: boolean): string {
  const date = new Date(`${day}T00:00:00`);
  if (end) date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** The API query (GET /audit/alerts) for the filters; `me` is the signed-in staff member's id. */
export function alertListQuery(filters: AlertFilters, me: string): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.statuses.length > 0) query.set('status', filters.statuses.join(','));
  if (filters.severities.length > 0) query.set('severity', filters.severities.join(','));
  if (filters.rule) query.set('rule', filters.rule);
  if (filters.institutionId) query.set('institutionId', filters.institutionId);
  if (filters.userId) query.set('userId', filters.userId);
  if (filters.mine) query.set('assigneeId', me);
  if (filters.fromDay) query.set('from', dayBoundary(filters.fromDay, false));
  if (filters.toDay) query.set('to', dayBoundary(filters.toDay, true));
  query.set('sort', filters.sort);
  query.set('order', filters.order);
  query.set('limit', String(filters.pageSize));
  query.set('offset', String((filters.page - 1) * filters.pageSize));
  return query;
}
