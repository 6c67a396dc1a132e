import { checkPdf } from './pdf-file';

const pdf = (body = 'x'): Buffer => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`, 'latin1');

describe('checkPdf', () => {
  it('should accept a PDF by its magic bytes and end marker', () => {
    expect(checkPdf(pdf())).toEqual({ ok: true });
  });

  it('should refuse an empty file', () => {
    expect(checkPdf(Buffer.alloc(0))).toEqual({ ok: false, problem: 'empty' });
  });

  it('should refuse a file over the limit', () => {
    expect(checkPdf(pdf('y'.repeat(2000)), 1000)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('should refuse a PNG and an HTML page named .pdf', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46]);
    expect(checkPdf(png)).toEqual({ ok: false, problem: 'not_pdf' });
    expect(checkPdf(Buffer.from('<html>%PDF-1.7 %%EOF</html>'))).toEqual({ ok: false, problem: 'not_pdf' });
  });

  it('should refuse a PDF cut off before its end marker', () => {
    expect(checkPdf(Buffer.from('%PDF-1.7\n1 0 obj'))).toEqual({ ok: false, problem: 'truncated' });
  });
});
