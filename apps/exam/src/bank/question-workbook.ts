import ExcelJS from 'exceljs';

import { ImportUnreadableError } from './import.errors';
import { WORKBOOK_COLUMNS, type WorkbookColumn, type WorkbookRow } from './question-import-format';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const QUESTION_SHEET = 'questions';

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return cell.text;
}

/**
 * Reads the question sheet (named `questions`, else the first) into rows keyed by the header row's column
 * names; row numbers are the sheet's own (the header is row 1), as the person fixing the file sees them.
 */
export async function readQuestionWorkbook(
  file: Buffer,
  maxRows: number,
): Promise<{ rows: WorkbookRow[]; headerErrors: { column: string; reason: string }[]; tooMany: boolean }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new ImportUnreadableError('not a readable .xlsx workbook');
  }
  if (workbook.worksheets.length === 0) throw new ImportUnreadableError('the workbook has no sheet');
  const sheet = workbook.getWorksheet(QUESTION_SHEET) ?? workbook.worksheets[0];
  const header = sheet.getRow(1);
  const columns = new Map<number, WorkbookColumn>();
  const headerErrors: { column: string; reason: string }[] = [];
  header.eachCell((cell, col) => {
    const name = cellText(cell).trim();
    if (name === '') return;
    if ((WORKBOOK_COLUMNS as readonly string[]).includes(name)) columns.set(col, name as WorkbookColumn);
    else
      headerErrors.push({
        column: cell.address.replace(/\d+/g, ''),
        reason: `unknown column "${name.slice(0, 40)}"`,
      });
  });
  for (const required of ['type', 'stem', 'score'] as const) {
    if (![...columns.values()].includes(required))
      headerErrors.push({ column: required, reason: 'required column is missing' });
  }
  if (sheet.actualRowCount - 1 > maxRows) return { rows: [], headerErrors, tooMany: true };
  const rows: WorkbookRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const out: Partial<Record<WorkbookColumn, string>> = {};
    let filled = false;
    for (const [col, name] of columns) {
      const text = cellText(row.getCell(col));
      if (text.trim() !== '') filled = true;
      out[name] = text;
    }
    if (filled) rows.push({ row: number, ...out });
  });
  return { rows, headerErrors, tooMany: false };
}

export async function writeQuestionWorkbook(
  rows: readonly Partial<Record<WorkbookColumn, string>>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(QUESTION_SHEET);
  sheet.addRow([...WORKBOOK_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(WORKBOOK_COLUMNS.map((c) => row[c] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The downloadable template: the header row and one example row per question type. */
export function templateRows(): Partial<Record<WorkbookColumn, string>>[] {
  return [
    {
      type: 'single',
      stem: '<p>1 + 1 = ?</p>',
      score: '2',
      difficulty: '1',
      category: '数学/算术',
      tags: '基础',
      answer: 'B',
      explanation: '1 + 1 = 2',
      option_A: '1',
      option_B: '2',
      option_C: '3',
    },
    {
      type: 'multiple',
      stem: '下列哪些是质数？',
      score: '4',
      difficulty: '2',
      category: '数学',
      answer: 'AC',
      partial_credit: 'proportional',
      option_A: '2',
      option_B: '4',
      option_C: '5',
      option_D: '9',
    },
    { type: 'true_false', stem: '地球是圆的。', score: '1', answer: '对' },
    {
      type: 'fill_blank',
      stem: '水的化学式是 ____，读作 ____。',
      score: '2',
      answer: 'H2O|H₂O||水',
      normalisation: 'ignore_case,full_width',
    },
    { type: 'essay', stem: '简述牛顿第一定律。', score: '10', rubric: '说明惯性（5 分）；举例（5 分）' },
    { type: 'composite', stem: '<p>阅读材料……</p>', score: '3', group: 'G1' },
    {
      type: 'single',
      stem: '材料中的主角是谁？',
      score: '2',
      group: 'G1',
      answer: 'A',
      option_A: '甲',
      option_B: '乙',
    },
    { type: 'true_false', stem: '材料发生在北京。', score: '1', group: 'G1', answer: 'false' },
  ];
}
