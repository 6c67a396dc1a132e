import { api } from '../../api/http';

export const INVOICE_STATUSES = ['requested', 'issued', 'rejected', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type TitleType = 'personal' | 'company';
export type ReversalStatus = 'required' | 'done';

/** An invoice request as the payments service shows it to buyer and staff (a person's name and email masked). */
export interface Invoice {
  invoiceId: string;
  orderId: string;
  institutionId: string;
  titleType: TitleType;
  title: string | null;
  taxId: string | null;
  email: string | null;
  amountFen: number;
  status: InvoiceStatus;
  invoiceNo: string | null;
  issuedOn: string | null;
  rejectReason: string | null;
  reversal: ReversalStatus | null;
  reversalInvoiceNo: string | null;
  hasPdf: boolean;
  erased: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceRequestBody {
  idempotencyKey: string;
  titleType: TitleType;
  title: string;
  taxId?: string;
  email: string;
}

export interface InvoiceFilter {
  status?: InvoiceStatus;
  reversal?: ReversalStatus;
  from?: string;
  to?: string;
}

const id = (value: string): string => encodeURIComponent(value);
const staffBase = (institutionId: string) => `/payments/institutions/${id(institutionId)}/invoices`;

export const invoiceKeys = {
  mine: ['payments', 'invoices', 'mine'] as const,
  ofInstitution: (institutionId: string) => ['payments', 'invoices', institutionId] as const,
};

/** The query string of a staff list filter (only the filters that are set). Pure. */
export function filterQuery(filter: InvoiceFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter))
    if (typeof value === 'string' && value !== '') params.set(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const invoicesApi = {
  mine: () => api<{ items: Invoice[] }>('/payments/me/invoices').then((r) => r.items),
  request: (orderId: string, body: InvoiceRequestBody) =>
    api<Invoice>(`/payments/me/orders/${id(orderId)}/invoices`, { method: 'POST', body }),
  cancel: (invoiceId: string) =>
    api<Invoice>(`/payments/me/invoices/${id(invoiceId)}/cancel`, { method: 'POST' }),
  myPdf: (invoiceId: string) =>
    api<Blob>(`/payments/me/invoices/${id(invoiceId)}/invoice.pdf`, { as: 'blob' }),

  list: (institutionId: string, filter: InvoiceFilter) =>
    api<{ items: Invoice[] }>(`${staffBase(institutionId)}${filterQuery(filter)}`).then((r) => r.items),
  issue: (
    institutionId: string,
    invoiceId: string,
    body: { invoiceNo: string; issuedOn: string; pdfBase64: string },
  ) => api<Invoice>(`${staffBase(institutionId)}/${id(invoiceId)}/issue`, { method: 'POST', body }),
  reject: (institutionId: string, invoiceId: string, reason: string) =>
    api<Invoice>(`${staffBase(institutionId)}/${id(invoiceId)}/reject`, {
      method: 'POST',
      body: { reason },
    }),
  recordReversal: (institutionId: string, invoiceId: string, reversalInvoiceNo: string) =>
    api<Invoice>(`${staffBase(institutionId)}/${id(invoiceId)}/reversal`, {
      method: 'POST',
      body: { reversalInvoiceNo },
    }),
  staffPdf: (institutionId: string, invoiceId: string) =>
    api<Blob>(`${staffBase(institutionId)}/${id(invoiceId)}/invoice.pdf`, { as: 'blob' }),
};
