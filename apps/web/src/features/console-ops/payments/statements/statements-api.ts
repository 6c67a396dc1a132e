import { api } from '../../../../api/http';

export const MISMATCH_KINDS = [
  'missing_on_platform',
  'missing_at_provider',
  'amount_differs',
  'status_differs',
  'refund_missing_on_platform',
  'refund_missing_at_provider',
  'refund_amount_differs',
  'refund_status_differs',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export const MISMATCH_STATUSES = ['open', 'resolved'] as const;
export type MismatchStatus = (typeof MISMATCH_STATUSES)[number];

export const PROVIDERS = ['wechat', 'alipay'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** One difference between a provider's daily statement and the platform's records (payments service). */
export interface StatementMismatch {
  mismatchId: string;
  provider: Provider;
  /** The merchant day (Asia/Shanghai), YYYY-MM-DD. */
  date: string;
  kind: MismatchKind;
  outTradeNo: string;
  providerTradeNo: string | null;
  outRefundNo: string | null;
  orderId: string | null;
  institutionId: string | null;
  platformAmountFen: number | null;
  providerAmountFen: number | null;
  platformStatus: string | null;
  providerStatus: string | null;
  status: MismatchStatus;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  detectedAt: string;
}

export interface MismatchFilters {
  date?: string;
  provider?: Provider;
  kind?: MismatchKind;
  status?: MismatchStatus;
}

const base = (institutionId: string) => `/payments/institutions/${institutionId}/statement-mismatches`;

/** The query string of a filter set: only the fields that are set, in a stable order. Pure. */
export function mismatchQuery(filters: MismatchFilters): string {
  const params = new URLSearchParams();
  for (const key of ['date', 'provider', 'kind', 'status'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function listMismatches(
  institutionId: string,
  filters: MismatchFilters,
): Promise<StatementMismatch[]> {
  return (await api<{ items: StatementMismatch[] }>(`${base(institutionId)}${mismatchQuery(filters)}`)).items;
}

export function resolveMismatch(
  institutionId: string,
  mismatchId: string,
  note: string,
): Promise<StatementMismatch> {
  return api<StatementMismatch>(`${base(institutionId)}/${mismatchId}/resolve`, {
    method: 'POST',
    body: { note },
  });
}

export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One comparison of a provider's statement of one merchant day (payments service, platform staff only). */
export interface StatementRun {
  runId: string;
  provider: Provider;
  date: string;
  status: RunStatus;
  /** `job`, or `staff:<user id>` for a run started by platform staff. */
  triggeredBy: string;
  startedAt: string;
  finishedAt: string | null;
  paymentsCount: number;
  refundsCount: number;
  mismatchesCount: number;
  failure: string | null;
}

/** The platform's statements (platform_admin): runs of a day, a run started now, trades that match no order. */
export const platformStatementsApi = {
  runs: async (date: string): Promise<StatementRun[]> =>
    (await api<{ items: StatementRun[] }>(`/payments/statement-runs?date=${encodeURIComponent(date)}`)).items,
  run: (provider: Provider, date: string): Promise<StatementRun> =>
    api<StatementRun>('/payments/statement-runs', { method: 'POST', body: { provider, date } }),
  unowned: async (date: string): Promise<StatementMismatch[]> =>
    (
      await api<{ items: StatementMismatch[] }>(
        `/payments/statement-mismatches?unowned=true&date=${encodeURIComponent(date)}`,
      )
    ).items,
};
