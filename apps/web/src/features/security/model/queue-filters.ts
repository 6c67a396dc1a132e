import {
  LOGIN_APPEAL_STATUSES,
  type LoginAppealStatus,
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_STATUSES,
  type PrivacyRequestKind,
  type PrivacyRequestStatus,
} from '../api/types';
import { isUuid } from './alert-filters';

export const QUEUE_PAGE_SIZE = 50;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

function pageOf(raw: string | null): number {
  const page = Number(raw);
  return Number.isInteger(page) && page >= 1 && page <= 2000 ? page : 1;
}

export interface LoginAppealFilters {
  /** `undefined`: every status; the queue opens on `open`. */
  status: LoginAppealStatus | undefined;
  account: string | undefined;
  page: number;
}

/** `?status=all&account=<uuid>&page=2` of the appeals queue; anything unknown falls back, nothing personal. */
export function loginAppealFiltersOf(params: URLSearchParams): LoginAppealFilters {
  const status = params.get('status');
  const account = params.get('account') ?? '';
  return {
    status: status === 'all' ? undefined : (oneOf(LOGIN_APPEAL_STATUSES, status) ?? 'open'),
    account: isUuid(account) ? account : undefined,
    page: pageOf(params.get('page')),
  };
}

export function loginAppealFiltersToParams(f: LoginAppealFilters): URLSearchParams {
  const params = new URLSearchParams({ status: f.status ?? 'all' });
  if (f.account) params.set('account', f.account);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** The audit API's query for these filters. */
export function loginAppealQuery(f: LoginAppealFilters): URLSearchParams {
  const query = new URLSearchParams({
    limit: String(QUEUE_PAGE_SIZE),
    offset: String((f.page - 1) * QUEUE_PAGE_SIZE),
  });
  if (f.status) query.set('status', f.status);
  if (f.account) query.set('userId', f.account);
  return query;
}

export interface PrivacyRequestFilters {
  kind: PrivacyRequestKind | undefined;
  status: PrivacyRequestStatus | undefined;
  overdueOnly: boolean;
  account: string | undefined;
  page: number;
}

/** `?kind=erasure&status=open&overdue=1&account=<uuid>&page=2` of the privacy request queue. */
export function privacyRequestFiltersOf(params: URLSearchParams): PrivacyRequestFilters {
  const account = params.get('account') ?? '';
  return {
    kind: oneOf(PRIVACY_REQUEST_KINDS, params.get('kind')),
    status: oneOf(PRIVACY_REQUEST_STATUSES, params.get('status')),
    overdueOnly: params.get('overdue') === '1',
    account: isUuid(account) ? account : undefined,
    page: pageOf(params.get('page')),
  };
}

export function privacyRequestFiltersToParams(f: PrivacyRequestFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.kind) params.set('kind', f.kind);
  if (f.status) params.set('status', f.status);
  if (f.overdueOnly) params.set('overdue', '1');
  if (f.account) params.set('account', f.account);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** The accounts API's query for these filters. */
export function privacyRequestQuery(f: PrivacyRequestFilters): URLSearchParams {
  const query = new URLSearchParams({
    limit: String(QUEUE_PAGE_SIZE),
    offset: String((f.page - 1) * QUEUE_PAGE_SIZE),
  });
  if (f.kind) query.set('kind', f.kind);
  if (f.status) query.set('status', f.status);
  if (f.overdueOnly) query.set('overdue', 'true');
  if (f.account) query.set('userId', f.account);
  return query;
}

/** How a privacy request stands against its deadline, as one word for the table. */
export function deadlineStandingOf(r: {
  status: PrivacyRequestStatus;
  overdue: boolean;
  completedLate: boolean;
}): 'overdue' | 'due' | 'completedLate' | 'completedInTime' {
  if (r.status === 'open') return r.overdue ? 'overdue' : 'due';
  return r.completedLate ? 'completedLate' : 'completedInTime';
}
