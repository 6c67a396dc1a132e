import type { ErrorDetail } from '@exam/platform';

import type { BlankNormalisation } from './answer-normalisation';
import {
  buildQuestionContent,
  MAX_DIFFICULTY,
  MIN_DIFFICULTY,
  type QuestionContent,
  type QuestionInput,
} from './question-content';

/** One question ready to store, as an import file gives it (category by path, tags by name). */
export interface ImportedQuestion {
  readonly content: QuestionContent;
  readonly difficulty: number;
  readonly categoryPath: readonly string[];
  readonly tags: readonly string[];
}

/** A problem of one row: the 1-based row number of the file, the column (letter for .xlsx, field for JSON). */
export interface ImportRowError extends ErrorDetail {
  readonly row: number;
  readonly column: string;
}

/** The workbook's columns, in order (docs/exam/question-import-template.md). */
export const WORKBOOK_COLUMNS = [
  'type',
  'stem',
  'score',
  'difficulty',
  'category',
  'tags',
  'answer',
  'partial_credit',
  'normalisation',
  'explanation',
  'rubric',
  'group',
  'option_A',
  'option_B',
  'option_C',
  'option_D',
  'option_E',
  'option_F',
  'option_G',
  'option_H',
  'option_I',
  'option_J',
] as const;
export type WorkbookColumn = (typeof WORKBOOK_COLUMNS)[number];
export const OPTION_COLUMNS = WORKBOOK_COLUMNS.filter((c) => c.startsWith('option_'));

export function columnLetter(column: WorkbookColumn): string {
  return String.fromCharCode(65 + WORKBOOK_COLUMNS.indexOf(column));
}

export type WorkbookRow = { readonly row: number } & Partial<Record<WorkbookColumn, string>>;

const TRUE_WORDS = ['true', 't', '对', '正确', '√', 'yes', '1'];
const FALSE_WORDS = ['false', 'f', '错', '错误', '×', 'no', '0'];
const NORMALISATION_FLAGS: Partial<Record<string, keyof BlankNormalisation>> = {
  ignore_case: 'ignoreCase',
  ignore_spaces: 'ignoreSpaces',
  full_width: 'fullWidthToHalfWidth',
};

/** Maps a field path of buildQuestionContent (`options[1].text`, `score`) to the workbook column. */
function columnOfField(field: string | undefined): WorkbookColumn {
  const f = field ?? '';
  const option = /^options\[(\d+)\]/.exec(f);
  if (option) return OPTION_COLUMNS[Number(option[1])] ?? 'option_A';
  if (f.startsWith('options') || f.startsWith('blanks')) return f.startsWith('blanks') ? 'answer' : 'answer';
  if (f.startsWith('partialCredit')) return 'partial_credit';
  if (f.startsWith('subQuestions')) return 'group';
  if ((WORKBOOK_COLUMNS as readonly string[]).includes(f)) return f as WorkbookColumn;
  return 'type';
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，、;；]/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

export function splitCategoryPath(text: string | undefined): string[] {
  return (text ?? '')
    .split('/')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** Category names and tags must fit their columns (200 and 100 characters). */
function checkNames(row: WorkbookRow, errors: ImportRowError[]): void {
  if (splitCategoryPath(row.category).some((name) => name.length > 200))
    errors.push({
      row: row.row,
      column: columnLetter('category'),
      field: 'category',
      reason: 'each category name must be at most 200 characters',
    });
  if (splitList(row.tags).some((tag) => tag.length > 100))
    errors.push({
      row: row.row,
      column: columnLetter('tags'),
      field: 'tags',
      reason: 'each tag must be at most 100 characters',
    });
}

/** One row to a question input, recording what cannot even be read (numbers, answer letters). */
function rowToInput(
  row: WorkbookRow,
  errors: ImportRowError[],
): { input: QuestionInput; difficulty: number } {
  const fail = (column: WorkbookColumn, reason: string): void => {
    errors.push({ row: row.row, column: columnLetter(column), field: column, reason });
  };
  const type = (row.type ?? '').trim().toLowerCase();
  const score = Number((row.score ?? '').trim());
  if ((row.score ?? '').trim() === '' || !Number.isInteger(score)) fail('score', 'must be a whole number');
  const difficultyText = (row.difficulty ?? '').trim();
  const difficulty = difficultyText === '' ? 3 : Number(difficultyText);
  if (!Number.isInteger(difficulty) || difficulty < MIN_DIFFICULTY || difficulty > MAX_DIFFICULTY)
    fail('difficulty', `must be a whole number from ${MIN_DIFFICULTY} to ${MAX_DIFFICULTY}`);
  const answer = (row.answer ?? '').trim();
  const options = OPTION_COLUMNS.map((c) => row[c]?.trim() ?? '').filter((t) => t.length > 0);
  const base: QuestionInput = {
    type,
    stem: row.stem ?? '',
    score: Number.isInteger(score) ? score : 0,
    ...(row.explanation ? { explanation: row.explanation } : {}),
  };
  let input: QuestionInput = base;
  switch (type) {
    case 'single':
    case 'multiple': {
      const keys = answer.toUpperCase().replace(/[\s,，、]/gu, '');
      if (!/^[A-J]+$/.test(keys))
        fail('answer', 'must be the letter(s) of the correct option(s), e.g. B or ACD');
      else if ((keys.match(/[A-J]/g) ?? []).some((k) => k.charCodeAt(0) - 65 >= options.length))
        fail('answer', 'names an option column that is empty');
      input = {
        ...base,
        options: options.map((text, i) => ({ text, correct: keys.includes(String.fromCharCode(65 + i)) })),
        ...(type === 'multiple' && row.partial_credit ? { partialCredit: row.partial_credit.trim() } : {}),
      };
      break;
    }
    case 'true_false': {
      const word = answer.toLowerCase();
      if (TRUE_WORDS.includes(word)) input = { ...base, answer: true };
      else if (FALSE_WORDS.includes(word)) input = { ...base, answer: false };
      else fail('answer', 'must be true or false (对/错)');
      break;
    }
    case 'fill_blank': {
      const normalisation: Partial<Record<keyof BlankNormalisation, boolean>> = {};
      if (row.normalisation !== undefined && row.normalisation.trim() !== '') {
        normalisation.fullWidthToHalfWidth = false;
        for (const flag of splitList(row.normalisation)) {
          if (flag === 'none') continue;
          const key = NORMALISATION_FLAGS[flag];
          if (key) normalisation[key] = true;
          else
            fail(
              'normalisation',
              `unknown flag "${flag.slice(0, 40)}" (use ignore_case, ignore_spaces, full_width or none)`,
            );
        }
      }
      input = {
        ...base,
        blanks: answer.split('||').map((blank) => ({ accepted: blank.split('|') })),
        normalisation,
      };
      break;
    }
    case 'essay':
      input = { ...base, rubric: row.rubric ?? '' };
      break;
    default:
      break;
  }
  return { input, difficulty: Number.isInteger(difficulty) ? difficulty : 3 };
}

function contentErrors(row: number, errors: readonly ErrorDetail[]): ImportRowError[] {
  return errors.map((e) => {
    const column = columnOfField(e.field);
    return { row, column: columnLetter(column), field: column, reason: e.reason };
  });
}

/**
 * Reads workbook rows into questions. Rows sharing a `group` form one composite question: the row of type
 * `composite` holds the shared stem, the others are its sub-questions. Returns every problem of every row.
 */
export function parseWorkbookRows(rows: readonly WorkbookRow[]): {
  questions: ImportedQuestion[];
  errors: ImportRowError[];
} {
  const errors: ImportRowError[] = [];
  const questions: ImportedQuestion[] = [];
  const groups = new Map<string, { parent?: WorkbookRow; subs: WorkbookRow[] }>();
  const order: (WorkbookRow | string)[] = [];
  for (const row of rows) {
    const group = (row.group ?? '').trim();
    if (group === '') {
      order.push(row);
      continue;
    }
    let entry = groups.get(group);
    if (!entry) {
      entry = { subs: [] };
      groups.set(group, entry);
      order.push(group);
    }
    if ((row.type ?? '').trim().toLowerCase() === 'composite') {
      if (entry.parent)
        errors.push({
          row: row.row,
          column: columnLetter('group'),
          field: 'group',
          reason: `group "${group}" already has a composite row (row ${entry.parent.row})`,
        });
      else entry.parent = row;
    } else entry.subs.push(row);
  }
  for (const item of order) {
    if (typeof item !== 'string') {
      if ((item.type ?? '').trim().toLowerCase() === 'composite') {
        errors.push({
          row: item.row,
          column: columnLetter('group'),
          field: 'group',
          reason: 'a composite row needs a group naming its sub-question rows',
        });
        continue;
      }
      const before = errors.length;
      checkNames(item, errors);
      const { input, difficulty } = rowToInput(item, errors);
      const built = buildQuestionContent(input);
      if (built.content === null) {
        // A column already reported as unreadable is not reported again for what followed from it.
        const read = new Set(errors.slice(before).map((e) => e.column));
        errors.push(...contentErrors(item.row, built.errors).filter((e) => !read.has(e.column)));
      } else if (errors.length === before)
        questions.push({
          content: built.content,
          difficulty,
          categoryPath: splitCategoryPath(item.category),
          tags: splitList(item.tags),
        });
      continue;
    }
    const entry = groups.get(item);
    if (!entry) continue;
    if (!entry.parent) {
      for (const sub of entry.subs)
        errors.push({
          row: sub.row,
          column: columnLetter('group'),
          field: 'group',
          reason: `group "${item}" has no composite row`,
        });
      continue;
    }
    const parent = entry.parent;
    const before = errors.length;
    checkNames(parent, errors);
    const parentRead = rowToInput(parent, errors);
    const subs = entry.subs.map((sub) => ({ sub, read: rowToInput(sub, errors) }));
    if (errors.length > before) continue;
    const built = buildQuestionContent({ ...parentRead.input, subQuestions: subs.map((s) => s.read.input) });
    if (built.content === null) {
      for (const e of built.errors) {
        const match = /^subQuestions\[(\d+)\]\.(.*)$/.exec(e.field ?? '');
        const sub = match ? subs[Number(match[1])]?.sub : undefined;
        if (match && sub) errors.push(...contentErrors(sub.row, [{ field: match[2], reason: e.reason }]));
        else errors.push(...contentErrors(parent.row, [e]));
      }
    } else
      questions.push({
        content: built.content,
        difficulty: parentRead.difficulty,
        categoryPath: splitCategoryPath(parent.category),
        tags: splitList(parent.tags),
      });
  }
  errors.sort((a, b) => a.row - b.row);
  return { questions, errors };
}

/** The rows of one question for export (a composite gives its own row and one per sub-question). */
export function questionToRows(
  content: QuestionContent,
  meta: { difficulty: number; categoryPath: string; tags: readonly string[] },
  group: string,
): Partial<Record<WorkbookColumn, string>>[] {
  const row = (
    c: QuestionContent,
    withMeta: boolean,
    groupKey: string,
  ): Partial<Record<WorkbookColumn, string>> => {
    const out: Partial<Record<WorkbookColumn, string>> = {
      type: c.type,
      stem: c.stem,
      score: String(c.score),
      explanation: c.explanation,
      group: groupKey,
    };
    if (withMeta) {
      out.difficulty = String(meta.difficulty);
      out.category = meta.categoryPath;
      out.tags = meta.tags.join(',');
    }
    if (c.options) {
      c.options.forEach((o, i) => {
        const column = OPTION_COLUMNS[i] as WorkbookColumn | undefined;
        if (column) out[column] = o.text;
      });
      out.answer = c.options
        .filter((o) => o.correct)
        .map((o) => o.key)
        .join('');
    }
    if (c.partialCredit) out.partial_credit = c.partialCredit;
    if (c.answer !== undefined) out.answer = c.answer ? 'true' : 'false';
    if (c.blanks) {
      out.answer = c.blanks.map((b) => b.accepted.join('|')).join('||');
      const n = c.normalisation;
      if (n)
        out.normalisation =
          [
            n.ignoreCase && 'ignore_case',
            n.ignoreSpaces && 'ignore_spaces',
            n.fullWidthToHalfWidth && 'full_width',
          ]
            .filter((f): f is string => typeof f === 'string')
            .join(',') || 'none';
    }
    if (c.rubric !== undefined) out.rubric = c.rubric;
    return out;
  };
  if (content.type !== 'composite') return [row(content, true, '')];
  return [row(content, true, group), ...(content.subQuestions ?? []).map((s) => row(s, false, group))];
}
