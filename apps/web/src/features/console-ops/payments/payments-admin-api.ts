import { api } from '../../../api/http';

/** The institution's payment settings (payments' PaymentSettingsDto). */
export interface PaymentSettings {
  institutionId: string;
  /** Staff refunds that take an order's refunds above this need another admin's approval; null: none do. */
  refundApprovalThresholdFen: number | null;
  source: 'default' | 'institution';
  updatedAt: string | null;
}

/** A refund with its approval trail (payments' RefundApprovalDto). */
export interface ApprovalRefund {
  refundId: string;
  orderId: string;
  amountFen: number;
  reason: string;
  source: string;
  status: string;
  /** `user:<id>`, `service:exam` or `provider:<name>`. */
  requestedBy: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  failure: string | null;
  settledAt: string | null;
}

export interface ReportLine {
  paymentCount: number;
  paymentsFen: number;
  refundCount: number;
  refundsFen: number;
  netFen: number;
}

/** Payments (orders paid), refunds (settled) and net over Asia/Shanghai days (payments' PaymentReportDto). */
export interface PaymentReport {
  institutionId: string;
  from: string;
  to: string;
  timeZone: string;
  currency: 'CNY';
  totals: ReportLine;
  byDay: (ReportLine & { day: string })[];
  byExam: (ReportLine & { examId: string })[];
  byProduct: (ReportLine & { productId: string; title: string })[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const base = (institutionId: string) => `/payments/institutions/${institutionId}`;

export function getPaymentSettings(institutionId: string): Promise<PaymentSettings> {
  return api<PaymentSettings>(`${base(institutionId)}/payment-settings`);
}

export function savePaymentSettings(
  institutionId: string,
  refundApprovalThresholdFen: number | null,
): Promise<PaymentSettings> {
  return api<PaymentSettings>(`${base(institutionId)}/payment-settings`, {
    method: 'PUT',
    body: { refundApprovalThresholdFen },
  });
}

export async function listAwaitingApproval(institutionId: string): Promise<ApprovalRefund[]> {
  return (await api<{ items: ApprovalRefund[] }>(`${base(institutionId)}/refunds/awaiting-approval`)).items;
}

/** Idempotent: approving an approved refund answers it as it is (it is sent to the provider once). */
export function approveRefund(institutionId: string, refundId: string): Promise<ApprovalRefund> {
  return api<ApprovalRefund>(`${base(institutionId)}/refunds/${refundId}/approve`, { method: 'POST' });
}

export function rejectRefund(
  institutionId: string,
  refundId: string,
  reason: string,
): Promise<ApprovalRefund> {
  return api<ApprovalRefund>(`${base(institutionId)}/refunds/${refundId}/reject`, {
    method: 'POST',
    body: { reason },
  });
}

const rangeQuery = (from: string, to: string) =>
  `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

export function getPaymentReport(institutionId: string, from: string, to: string): Promise<PaymentReport> {
  return api<PaymentReport>(`${base(institutionId)}/payment-report${rangeQuery(from, to)}`);
}

export function downloadPaymentReport(institutionId: string, from: string, to: string): Promise<Blob> {
  return api<Blob>(`${base(institutionId)}/payment-report.xlsx${rangeQuery(from, to)}`, {
    as: 'blob',
    headers: { accept: XLSX_TYPE },
  });
}
