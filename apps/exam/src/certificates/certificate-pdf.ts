import PDFDocument from 'pdfkit';

import type { CertificateEntity } from './certificate.entity';

export interface CertificatePrint {
  readonly certificate: CertificateEntity;
  /** The signed token `ECERT1.<kid>.<payload>.<signature>`: in the metadata and printed. */
  readonly token: string;
  readonly verifyUrl: string;
  readonly fontPath: string;
  readonly fontFace: string;
}

/**
 * Renders a certificate. The signed token goes into the document information (`Keywords` and
 * `ExamCertificate`, plain ASCII) where a verifier finds it without reading page content, and is printed
 * in full so a paper copy can be checked too. Throws when the font cannot be loaded.
 */
export function renderCertificatePdf(print: CertificatePrint): Promise<Buffer> {
  const c = print.certificate;
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 56,
      info: {
        Title: `Certificate ${c.verificationCode}`,
        Subject: 'Exam certificate, Ed25519-signed',
        Keywords: print.token,
        ExamCertificate: print.token,
      } as PDFKit.DocumentInfo,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
    try {
      if (print.fontPath.endsWith('.ttc')) doc.font(print.fontPath, print.fontFace);
      else doc.font(print.fontPath);
    } catch (error: unknown) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    doc.fontSize(28).text('证书 Certificate', { align: 'center' }).moveDown();
    doc.fontSize(18).text(c.title, { align: 'center' }).moveDown();
    doc.fontSize(13);
    const lines: [string, string][] = [
      ['持有人 Holder', c.holderMaskedName ?? '—'],
      ['日期 Date', c.issuedOn],
      ...(c.score === null ? [] : [['成绩 Score', `${c.score} / ${c.maxScore ?? ''}`] as [string, string]]),
      ['验证码 Verification code', c.verificationCode],
      ['验证 Verify at', print.verifyUrl],
    ];
    for (const [label, value] of lines) doc.text(`${label}：${value}`, { align: 'center' }).moveDown(0.3);
    doc
      .moveDown()
      .fontSize(7)
      .text(
        'Ed25519 signature (verify offline with the public key at GET /api/exam/certificates/public-keys):',
      )
      .text(print.token, { lineBreak: true });
    doc.end();
  });
}
