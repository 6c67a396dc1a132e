/** The largest invoice PDF accepted: electronic 普通发票 are a few tens of kB; the JSON body limit is 1 MB. */
export const MAX_INVOICE_PDF_BYTES = 512 * 1024;

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');

export type PdfCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'empty' | 'too_large' | 'not_pdf' | 'truncated' };

/**
 * A PDF starts with `%PDF-` (in its first 1024 bytes, per the specification, in practice at 0) and ends with
 * `%%EOF` in its last bytes; anything else (an image, an HTML page renamed .pdf, a cut-off upload) is refused.
 */
export function checkPdf(content: Buffer, maxBytes: number = MAX_INVOICE_PDF_BYTES): PdfCheck {
  if (content.length === 0) return { ok: false, problem: 'empty' };
  if (content.length > maxBytes) return { ok: false, problem: 'too_large' };
  if (content.indexOf(PDF_MAGIC) !== 0) return { ok: false, problem: 'not_pdf' };
  if (content.subarray(Math.max(0, content.length - 1024)).indexOf(EOF_MARKER) < 0)
    return { ok: false, problem: 'truncated' };
  return { ok: true };
}
