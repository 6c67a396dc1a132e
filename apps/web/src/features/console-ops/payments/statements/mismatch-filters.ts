import { MISMATCH_KINDS, MISMATCH_STATUSES, type MismatchFilters, PROVIDERS } from './statements-api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/**
 * The filters a page address holds (`?date=&provider=&kind=&status=`): unknown values are dropped rather
 * than sent, so a hand-edited address never turns into a refused request. Open mismatches by default. Pure.
 */
export function filtersFromSearch(search: URLSearchParams): MismatchFilters {
  const date = search.get('date');
  return {
    date: date !== null && DAY.test(date) ? date : undefined,
    provider: oneOf(PROVIDERS, search.get('provider')),
    kind: oneOf(MISMATCH_KINDS, search.get('kind')),
    status:
      search.get('status') === 'all' ? undefined : (oneOf(MISMATCH_STATUSES, search.get('status')) ?? 'open'),
  };
}

/** The address of a filter set (the inverse of filtersFromSearch; "all statuses" is spelled out). Pure. */
export function searchFromFilters(filters: MismatchFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.date) search.set('date', filters.date);
  if (filters.provider) search.set('provider', filters.provider);
  if (filters.kind) search.set('kind', filters.kind);
  search.set('status', filters.status ?? 'all');
  return search;
}

/** Whether a mismatch concerns a refund (its reference is the refund number, not the order's trade). Pure. */
export const isRefundKind = (kind: string): boolean => kind.startsWith('refund_');
