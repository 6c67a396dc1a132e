import type { InvoiceRequestBody, TitleType } from './invoices-api';

/**
 * The checks the form runs before sending (the server runs the same ones and has the last word). Pure.
 * 统一社会信用代码: 18 characters of the GB 32100 charset, digits as the region code, a check character.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** What is wrong with a code; a character outside the charset is named with its place (1-based). */
export type TaxIdProblem =
  | { readonly kind: 'length' | 'region' | 'check' }
  | { readonly kind: 'character'; readonly position: number; readonly character: string };

/** Null when the code is well-formed, else what is wrong with it (the first bad character, by place). */
export function taxIdProblem(raw: string): TaxIdProblem | null {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { kind: 'length' };
  for (let i = 0; i < 18; i += 1)
    if (!CHARSET.includes(value.charAt(i)))
      return { kind: 'character', position: i + 1, character: value.charAt(i) };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { kind: 'region' };
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(value.charAt(i)) * (WEIGHTS[i] ?? 0);
  return value.charAt(17) === CHARSET.charAt((31 - (sum % 31)) % 31) ? null : { kind: 'check' };
}

export interface InvoiceFormValues {
  titleType: TitleType;
  title: string;
  taxId?: string;
  email: string;
}

/** The request body: trimmed, the tax id only on a company title (the server refuses it on a personal one). */
export function requestBody(values: InvoiceFormValues, idempotencyKey: string): InvoiceRequestBody {
  const base = {
    idempotencyKey,
    titleType: values.titleType,
    title: values.title.trim(),
    email: values.email.trim(),
  };
  return values.titleType === 'company'
    ? { ...base, taxId: (values.taxId ?? '').trim().toUpperCase() }
    : base;
}

/** Whether an order can get an invoice request: paid, with money left after refunds. */
export function canAskForInvoice(order: { status: string; paidFen: number; refundedFen: number }): boolean {
  return (
    (order.status === 'paid' || order.status === 'partially_refunded') && order.paidFen > order.refundedFen
  );
}

/** The request that holds the order: the newest one still requested or issued. */
export function openInvoiceOf<T extends { orderId: string; status: string; createdAt: string }>(
  orderId: string,
  invoices: readonly T[],
): T | undefined {
  return invoices
    .filter((i) => i.orderId === orderId && (i.status === 'requested' || i.status === 'issued'))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

/** The newest request of the order, whatever its status (to show why it was rejected). */
export function latestInvoiceOf<T extends { orderId: string; createdAt: string }>(
  orderId: string,
  invoices: readonly T[],
): T | undefined {
  return invoices
    .filter((i) => i.orderId === orderId)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

/** Invoice numbers are 8 (paper era) to 20 (全电发票) digits. */
export function isInvoiceNumber(text: string): boolean {
  return /^\d{8,20}$/.test(text.trim());
}

export const MAX_PDF_BYTES = 512 * 1024;

/** Whether the bytes look like a whole PDF, as the server will check (magic bytes, end marker, size). */
export function pdfProblem(bytes: Uint8Array): 'empty' | 'too_large' | 'not_pdf' | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_PDF_BYTES) return 'too_large';
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  return head === '%PDF-' ? null : 'not_pdf';
}

/** Base64 of bytes, in chunks (a spread of half a megabyte would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
