import {
  canAskForInvoice,
  isInvoiceNumber,
  latestInvoiceOf,
  openInvoiceOf,
  pdfProblem,
  requestBody,
  taxIdProblem,
  toBase64,
} from './invoice-form';
import { filterQuery } from './invoices-api';

describe('invoice form logic', () => {
  it('should accept published unified social credit codes, lower case and blanks included', () => {
    expect(taxIdProblem('91350100M000100Y43')).toBeNull();
    expect(taxIdProblem(' 914403001922038216 ')).toBeNull();
    expect(taxIdProblem('91110000802100433b')).toBeNull();
  });

  it('should say what is wrong with a bad code', () => {
    expect(taxIdProblem('9135010')).toEqual({ kind: 'length' });
    expect(taxIdProblem('91350100M000100I43')).toEqual({ kind: 'character', position: 16, character: 'I' });
    expect(taxIdProblem('91A50100M000100Y43')).toEqual({ kind: 'region' });
    expect(taxIdProblem('91350100M000100Y44')).toEqual({ kind: 'check' });
  });

  it('should name the first character outside the charset, a lower-case one as typed in upper case', () => {
    expect(taxIdProblem('9135010OM000100Y43')).toEqual({ kind: 'character', position: 8, character: 'O' });
    expect(taxIdProblem('91350100M0001s0Y4？')).toEqual({ kind: 'character', position: 14, character: 'S' });
  });

  it('should send the tax id with a company title only, trimmed', () => {
    expect(
      requestBody({ titleType: 'personal', title: ' 王小明 ', taxId: 'x', email: ' a@b.cn ' }, 'k-12345678'),
    ).toEqual({ idempotencyKey: 'k-12345678', titleType: 'personal', title: '王小明', email: 'a@b.cn' });
    expect(
      requestBody(
        { titleType: 'company', title: '某公司', taxId: ' 91350100m000100y43', email: 'a@b.cn' },
        'k-12345678',
      ),
    ).toMatchObject({ taxId: '91350100M000100Y43' });
  });

  it('should offer an invoice on paid orders with money left only', () => {
    expect(canAskForInvoice({ status: 'paid', paidFen: 100, refundedFen: 0 })).toBe(true);
    expect(canAskForInvoice({ status: 'partially_refunded', paidFen: 100, refundedFen: 40 })).toBe(true);
    expect(canAskForInvoice({ status: 'refunded', paidFen: 100, refundedFen: 100 })).toBe(false);
    expect(canAskForInvoice({ status: 'pending', paidFen: 0, refundedFen: 0 })).toBe(false);
  });

  it('should find the order’s open request and its latest one', () => {
    const invoices = [
      { orderId: 'o1', status: 'rejected', createdAt: '2026-12-07T10:00:00Z' },
      { orderId: 'o1', status: 'requested', createdAt: '2026-12-07T09:00:00Z' },
      { orderId: 'o2', status: 'issued', createdAt: '2026-12-07T11:00:00Z' },
    ];
    expect(openInvoiceOf('o1', invoices)?.status).toBe('requested');
    expect(latestInvoiceOf('o1', invoices)?.status).toBe('rejected');
    expect(openInvoiceOf('o3', invoices)).toBeUndefined();
  });

  it('should check invoice numbers and PDFs as the server does', () => {
    expect(isInvoiceNumber('26442000000012345678')).toBe(true);
    expect(isInvoiceNumber('1234567')).toBe(false);
    expect(isInvoiceNumber('ABCDEFGH')).toBe(false);
    expect(pdfProblem(new TextEncoder().encode('%PDF-1.7\n%%EOF'))).toBeNull();
    expect(pdfProblem(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('not_pdf');
    expect(pdfProblem(new Uint8Array(0))).toBe('empty');
    expect(pdfProblem(new Uint8Array(600 * 1024))).toBe('too_large');
  });

  it('should encode large files to base64 in chunks', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('should build the filter query from the set filters only', () => {
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ status: 'requested', from: '2026-12-01', to: '' })).toBe(
      '?status=requested&from=2026-12-01',
    );
  });
});
