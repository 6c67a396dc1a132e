/** One problem of an import, as IMPORT.ROWS_INVALID details give it (docs/exam/question-import-template.md). */
export interface ImportProblem {
  row: number;
  column: string;
  field: string;
  reason: string;
}

export interface ImportRowReport {
  row: number;
  problems: { column: string; field: string; reason: string }[];
}

/** The `{ row, column, field, reason }` entries of an import refusal (other shapes are skipped). */
export function importProblemsOf(details: unknown): ImportProblem[] {
  if (!Array.isArray(details)) return [];
  const out: ImportProblem[] = [];
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { row, column, field, reason } = entry as Record<string, unknown>;
    if (typeof row !== 'number' || typeof reason !== 'string') continue;
    out.push({
      row,
      column: typeof column === 'string' ? column : '',
      field: typeof field === 'string' ? field : '',
      reason,
    });
  }
  return out;
}

/** The problems grouped by sheet row, rows in order, each row's problems by column (A, B, … AA). */
export function groupByRow(problems: readonly ImportProblem[]): ImportRowReport[] {
  const rows = new Map<number, ImportRowReport>();
  for (const p of problems) {
    const report = rows.get(p.row) ?? { row: p.row, problems: [] };
    report.problems.push({ column: p.column, field: p.field, reason: p.reason });
    rows.set(p.row, report);
  }
  const byColumn = (a: string, b: string) => a.length - b.length || a.localeCompare(b);
  return [...rows.values()]
    .sort((a, b) => a.row - b.row)
    .map((r) => ({ ...r, problems: [...r.problems].sort((a, b) => byColumn(a.column, b.column)) }));
}
