import ExcelJS from 'exceljs';

import type { PaymentReportDto, ReportLineDto } from './dto/report.dto';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const LINE_HEADERS = ['paymentCount', 'paymentsFen', 'refundCount', 'refundsFen', 'netFen'];
const lineCells = (l: ReportLineDto): number[] => [
  l.paymentCount,
  l.paymentsFen,
  l.refundCount,
  l.refundsFen,
  l.netFen,
];

/**
 * The report as a workbook: `summary`, `days`, `exams` and `products`, amounts in integer fen like the
 * JSON; each breakdown ends with a `total` row. Ids, titles and amounts only: no buyer.
 */
export async function paymentReportWorkbook(report: PaymentReportDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('summary');
  summary.addRow(['metric', 'value']);
  const facts: [string, string | number][] = [
    ['institutionId', report.institutionId],
    ['from', report.from],
    ['to', report.to],
    ['timeZone', report.timeZone],
    ['currency', report.currency],
    ...LINE_HEADERS.map((h, i): [string, number] => [h, lineCells(report.totals)[i] ?? 0]),
  ];
  for (const fact of facts) summary.addRow(fact);

  const days = workbook.addWorksheet('days');
  days.addRow(['day', ...LINE_HEADERS]);
  for (const d of report.byDay) days.addRow([d.day, ...lineCells(d)]);
  days.addRow(['total', ...lineCells(report.totals)]);

  const exams = workbook.addWorksheet('exams');
  exams.addRow(['examId', ...LINE_HEADERS]);
  for (const e of report.byExam) exams.addRow([e.examId, ...lineCells(e)]);
  exams.addRow(['total', ...lineCells(sum(report.byExam))]);

  const products = workbook.addWorksheet('products');
  products.addRow(['productId', 'title', ...LINE_HEADERS]);
  for (const p of report.byProduct) products.addRow([p.productId, p.title, ...lineCells(p)]);
  products.addRow(['total', '', ...lineCells(sum(report.byProduct))]);

  for (const sheet of [summary, days, exams, products]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sum(lines: readonly ReportLineDto[]): ReportLineDto {
  const total = { paymentCount: 0, paymentsFen: 0, refundCount: 0, refundsFen: 0, netFen: 0 };
  for (const l of lines) {
    total.paymentCount += l.paymentCount;
    total.paymentsFen += l.paymentsFen;
    total.refundCount += l.refundCount;
    total.refundsFen += l.refundsFen;
    total.netFen += l.netFen;
  }
  return total;
}
