import {
  REAL_NAME_APPEAL_KINDS,
  REAL_NAME_APPEAL_STATUSES,
  type RealNameAppeal,
  type RealNameAppealKind,
  type RealNameAppealStatus,
} from '../api/types';

export interface AppealFilters {
  /** `undefined`: every status. The queue opens on `open`. */
  status: RealNameAppealStatus | undefined;
  kind: RealNameAppealKind | undefined;
}

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

/** The filters from the address (`?status=all&kind=change_request`); anything unknown falls back. */
export function appealFiltersOf(params: URLSearchParams): AppealFilters {
  const status = params.get('status');
  return {
    status: status === 'all' ? undefined : (oneOf(REAL_NAME_APPEAL_STATUSES, status) ?? 'open'),
    kind: oneOf(REAL_NAME_APPEAL_KINDS, params.get('kind')),
  };
}

export function appealFiltersToParams(filters: AppealFilters): URLSearchParams {
  const params = new URLSearchParams({ status: filters.status ?? 'all' });
  if (filters.kind) params.set('kind', filters.kind);
  return params;
}

/** The API filters by status; the kind is filtered here. Oldest first, as the queue is worked. */
export function appealsShown(appeals: readonly RealNameAppeal[], filters: AppealFilters): RealNameAppeal[] {
  return appeals
    .filter((a) => filters.kind === undefined || a.kind === filters.kind)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export const DECISION_REASON = { min: 10, max: 500 } as const;

/** Why a reviewer's reason would be refused (identity keeps 10–500 characters after trimming), or null. */
export function decisionReasonProblem(reason: string | undefined): 'short' | 'long' | null {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length < DECISION_REASON.min) return 'short';
  return trimmed.length > DECISION_REASON.max ? 'long' : null;
}
