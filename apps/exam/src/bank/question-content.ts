import type { ErrorDetail } from '@exam/platform';

import { type BlankNormalisation, DEFAULT_NORMALISATION } from './answer-normalisation';
import { sanitizeRichText } from './rich-text';

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true_false',
  'fill_blank',
  'essay',
  'composite',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** Types a composite question's sub-questions may have (no nesting). */
export const SUB_QUESTION_TYPES = ['single', 'multiple', 'true_false', 'fill_blank', 'essay'] as const;
export type SubQuestionType = (typeof SUB_QUESTION_TYPES)[number];

export const PARTIAL_CREDIT_RULES = ['all_or_nothing', 'proportional', 'wrong_choice_zero'] as const;
export type PartialCreditRule = (typeof PARTIAL_CREDIT_RULES)[number];

export const MIN_DIFFICULTY = 1;
export const MAX_DIFFICULTY = 5;
export const MAX_SCORE = 1000;
export const MAX_OPTIONS = 10;
export const MAX_BLANKS = 20;
export const MAX_ACCEPTED = 10;
export const MAX_SUB_QUESTIONS = 20;
export const MAX_RICH_TEXT = 20_000;

export interface ChoiceOption {
  readonly key: string;
  readonly text: string;
  readonly correct: boolean;
}

export interface BlankSpec {
  readonly accepted: readonly string[];
}

/** What one version of a question says; stored as JSON, immutable once an exam was published with it. */
export interface QuestionContent {
  readonly type: QuestionType;
  readonly stem: string;
  readonly explanation: string;
  readonly score: number;
  readonly options?: readonly ChoiceOption[];
  readonly partialCredit?: PartialCreditRule;
  readonly answer?: boolean;
  readonly blanks?: readonly BlankSpec[];
  readonly normalisation?: BlankNormalisation;
  readonly rubric?: string;
  readonly subQuestions?: readonly QuestionContent[];
}

/** A question as the API or an import row gives it, before the type's rules are checked. */
export interface QuestionInput {
  readonly type: string;
  readonly stem: string;
  readonly explanation?: string;
  readonly score: number;
  readonly options?: readonly { readonly text: string; readonly correct: boolean }[];
  readonly partialCredit?: string;
  readonly answer?: boolean;
  readonly blanks?: readonly { readonly accepted: readonly string[] }[];
  readonly normalisation?: Partial<BlankNormalisation>;
  readonly rubric?: string;
  readonly subQuestions?: readonly QuestionInput[];
}

const OPTION_KEYS = 'ABCDEFGHIJ';

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/**
 * Checks a question against its type's rules and returns the content to store (rich text sanitised, option
 * keys assigned A, B, C…), or every problem found with the field it concerns (`prefix` names the position,
 * e.g. `subQuestions[1].`). Pure: used by the API and by the importers alike.
 */
export function buildQuestionContent(
  input: QuestionInput,
  prefix = '',
  nested = false,
): { content: QuestionContent; errors: readonly [] } | { content: null; errors: readonly ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const fail = (field: string, reason: string): void => {
    errors.push({ field: `${prefix}${field}`, reason });
  };
  const allowed: readonly string[] = nested ? SUB_QUESTION_TYPES : QUESTION_TYPES;
  if (!allowed.includes(input.type)) {
    fail('type', `must be one of ${allowed.join(', ')}`);
    return { content: null, errors };
  }
  const type = input.type as QuestionType;
  const stem = sanitizeRichText(input.stem);
  if (stem.length === 0) fail('stem', 'must not be empty (after removing unsafe markup)');
  if (stem.length > MAX_RICH_TEXT) fail('stem', `must be at most ${MAX_RICH_TEXT} characters`);
  const explanation = sanitizeRichText(input.explanation ?? '');
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > MAX_SCORE)
    fail('score', `must be an integer from 0 to ${MAX_SCORE}`);

  const unexpected = (field: keyof QuestionInput, present: boolean): void => {
    if (present) fail(field, `is not used by ${type} questions`);
  };
  let content: QuestionContent = { type, stem, explanation, score: input.score };

  switch (type) {
    case 'single':
    case 'multiple': {
      const options = input.options ?? [];
      if (options.length < 2 || options.length > MAX_OPTIONS)
        fail('options', `needs 2 to ${MAX_OPTIONS} options`);
      const built = options.map((option, i) => {
        const text = sanitizeRichText(option.text);
        if (text.length === 0) fail(`options[${i}].text`, 'must not be empty');
        return { key: OPTION_KEYS[i] ?? String(i), text, correct: option.correct };
      });
      const correct = built.filter((o) => o.correct).length;
      if (type === 'single' && correct !== 1) fail('options', 'exactly one option must be correct');
      if (type === 'multiple' && correct < 1) fail('options', 'at least one option must be correct');
      let partialCredit: PartialCreditRule | undefined;
      if (type === 'multiple') {
        const rule = input.partialCredit ?? 'all_or_nothing';
        if (isOneOf(PARTIAL_CREDIT_RULES, rule)) partialCredit = rule;
        else fail('partialCredit', `must be one of ${PARTIAL_CREDIT_RULES.join(', ')}`);
      } else unexpected('partialCredit', input.partialCredit !== undefined);
      unexpected('answer', input.answer !== undefined);
      unexpected('blanks', input.blanks !== undefined);
      content = { ...content, options: built, ...(partialCredit ? { partialCredit } : {}) };
      break;
    }
    case 'true_false':
      if (typeof input.answer !== 'boolean') fail('answer', 'true/false questions need answer true or false');
      unexpected('options', input.options !== undefined);
      unexpected('blanks', input.blanks !== undefined);
      content = { ...content, answer: input.answer === true };
      break;
    case 'fill_blank': {
      const blanks = input.blanks ?? [];
      if (blanks.length < 1 || blanks.length > MAX_BLANKS) fail('blanks', `needs 1 to ${MAX_BLANKS} blanks`);
      const built = blanks.map((blank, i) => {
        const accepted = blank.accepted.map((a) => a.trim()).filter((a) => a.length > 0);
        if (accepted.length < 1 || accepted.length > MAX_ACCEPTED)
          fail(`blanks[${i}].accepted`, `needs 1 to ${MAX_ACCEPTED} non-empty accepted answers`);
        return { accepted };
      });
      unexpected('options', input.options !== undefined);
      unexpected('answer', input.answer !== undefined);
      content = {
        ...content,
        blanks: built,
        normalisation: { ...DEFAULT_NORMALISATION, ...(input.normalisation ?? {}) },
      };
      break;
    }
    case 'essay': {
      const rubric = sanitizeRichText(input.rubric ?? '');
      if (rubric.length === 0) fail('rubric', 'essay questions need a marking rubric for staff');
      unexpected('options', input.options !== undefined);
      unexpected('blanks', input.blanks !== undefined);
      content = { ...content, rubric };
      break;
    }
    case 'composite': {
      const subs = input.subQuestions ?? [];
      if (subs.length < 1 || subs.length > MAX_SUB_QUESTIONS)
        fail('subQuestions', `needs 1 to ${MAX_SUB_QUESTIONS} sub-questions`);
      const built: QuestionContent[] = [];
      subs.forEach((sub, i) => {
        const result = buildQuestionContent(sub, `${prefix}subQuestions[${i}].`, true);
        if (result.content === null) errors.push(...result.errors);
        else built.push(result.content);
      });
      const total = subs.reduce((sum, s) => sum + s.score, 0);
      if (errors.length === 0 && total !== input.score)
        fail('score', `must equal the sum of the sub-questions' scores (${total})`);
      unexpected('options', input.options !== undefined);
      content = { ...content, subQuestions: built };
      break;
    }
  }
  if (type !== 'composite' && input.subQuestions !== undefined)
    fail('subQuestions', 'only composite questions have sub-questions');
  return errors.length > 0 ? { content: null, errors } : { content, errors: [] };
}

/** The question as a candidate sees it: no correct flags, accepted answers, rubric or explanation. */
export interface CandidateQuestionView {
  readonly type: QuestionType;
  readonly stem: string;
  readonly score: number;
  readonly options?: readonly { readonly key: string; readonly text: string }[];
  readonly blankCount?: number;
  readonly subQuestions?: readonly CandidateQuestionView[];
}

export function candidateView(content: QuestionContent): CandidateQuestionView {
  return {
    type: content.type,
    stem: content.stem,
    score: content.score,
    ...(content.options ? { options: content.options.map(({ key, text }) => ({ key, text })) } : {}),
    ...(content.blanks ? { blankCount: content.blanks.length } : {}),
    ...(content.subQuestions ? { subQuestions: content.subQuestions.map(candidateView) } : {}),
  };
}
