import type { CandidateQuestionView } from '../papers/paper-types';
import type {
  Normalisation,
  PartialCreditRule,
  Question,
  QuestionBody,
  QuestionContentBody,
  QuestionType,
} from './question-types';

/** One question (or a composite's sub-question) as the editor holds it: accepted answers as `a|b` text. */
export interface SubQuestionValues {
  type: QuestionType;
  stem: string;
  score: number;
  explanation?: string;
  options?: { text: string; correct: boolean }[];
  partialCredit?: PartialCreditRule;
  answer?: boolean;
  blanks?: { accepted: string }[];
  normalisation?: Normalisation;
  rubric?: string;
}

export interface QuestionValues extends SubQuestionValues {
  difficulty: number;
  categoryId?: string | null;
  tags?: string[];
  subQuestions?: SubQuestionValues[];
}

export function newQuestionValues(type: QuestionType = 'single'): QuestionValues {
  return { ...blankOf(type), difficulty: 3, tags: [] };
}

/** What a freshly chosen type starts with. */
export function blankOf(type: QuestionType): SubQuestionValues & { subQuestions?: SubQuestionValues[] } {
  const base = { type, stem: '', score: 2, explanation: '' };
  switch (type) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        options: [
          { text: '', correct: true },
          { text: '', correct: false },
          { text: '', correct: false },
          { text: '', correct: false },
        ],
        ...(type === 'multiple' ? { partialCredit: 'all_or_nothing' as const } : {}),
      };
    case 'true_false':
      return { ...base, answer: true };
    case 'fill_blank':
      return { ...base, blanks: [{ accepted: '' }], normalisation: { fullWidthToHalfWidth: true } };
    case 'essay':
      return { ...base, score: 10, rubric: '' };
    case 'composite':
      return { ...base, score: 0, subQuestions: [blankOf('single')] };
  }
}

function contentOf(v: SubQuestionValues): QuestionContentBody {
  const explanation = v.explanation?.trim();
  const common = { type: v.type, stem: v.stem, score: v.score, ...(explanation ? { explanation } : {}) };
  switch (v.type) {
    case 'single':
    case 'multiple':
      return {
        ...common,
        options: (v.options ?? []).map((o) => ({ text: o.text, correct: o.correct })),
        ...(v.type === 'multiple' && v.partialCredit ? { partialCredit: v.partialCredit } : {}),
      };
    case 'true_false':
      return { ...common, answer: v.answer ?? true };
    case 'fill_blank':
      return {
        ...common,
        blanks: (v.blanks ?? []).map((b) => ({
          accepted: b.accepted
            .split('|')
            .map((a) => a.trim())
            .filter((a) => a !== ''),
        })),
        normalisation: { ...v.normalisation },
      };
    case 'essay':
      return { ...common, rubric: v.rubric ?? '' };
    case 'composite':
      return common;
  }
}

/** The sum of a composite's sub-question scores (its own score must equal it). */
export function compositeScore(v: { subQuestions?: SubQuestionValues[] }): number {
  return (v.subQuestions ?? []).reduce((sum, s) => sum + (s.score || 0), 0);
}

/** The body of POST/PUT …/questions: only the fields the question's type has. */
export function toQuestionBody(v: QuestionValues): QuestionBody {
  const content = contentOf(v);
  const tags = (v.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== '');
  return {
    ...content,
    ...(v.type === 'composite'
      ? { score: compositeScore(v), subQuestions: (v.subQuestions ?? []).map(contentOf) }
      : {}),
    difficulty: v.difficulty,
    ...(v.categoryId ? { categoryId: v.categoryId } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

function subValuesOf(c: QuestionContentBody): SubQuestionValues {
  return {
    type: c.type,
    stem: c.stem,
    score: c.score,
    explanation: c.explanation ?? '',
    ...(c.options ? { options: c.options.map((o) => ({ text: o.text, correct: o.correct })) } : {}),
    ...(c.partialCredit ? { partialCredit: c.partialCredit } : {}),
    ...(c.answer !== undefined ? { answer: c.answer } : {}),
    ...(c.blanks ? { blanks: c.blanks.map((b) => ({ accepted: b.accepted.join('|') })) } : {}),
    ...(c.normalisation ? { normalisation: c.normalisation } : {}),
    ...(c.rubric !== undefined ? { rubric: c.rubric } : {}),
  };
}

/** A stored content (the current one or an older version) as the editor holds it, sub-questions included. */
export function contentValuesOf(
  c: QuestionContentBody,
): SubQuestionValues & { subQuestions?: SubQuestionValues[] } {
  return {
    ...subValuesOf(c),
    ...(c.subQuestions ? { subQuestions: c.subQuestions.map(subValuesOf) } : {}),
  };
}

export function toQuestionValues(q: Question): QuestionValues {
  return {
    ...contentValuesOf(q.content),
    difficulty: q.difficulty,
    categoryId: q.categoryId,
    tags: q.tags,
  };
}

/** What the candidate sees of the question being edited (no answers, no explanation). */
export function candidateViewOf(
  v: SubQuestionValues & { subQuestions?: SubQuestionValues[] },
): CandidateQuestionView {
  const keys = 'ABCDEFGHIJ';
  return {
    type: v.type,
    stem: v.stem,
    score: v.type === 'composite' ? compositeScore(v) : v.score,
    ...(v.type === 'single' || v.type === 'multiple'
      ? { options: (v.options ?? []).map((o, i) => ({ key: keys.charAt(i), text: o.text })) }
      : {}),
    ...(v.type === 'fill_blank' ? { blankCount: (v.blanks ?? []).length } : {}),
    ...(v.type === 'composite' ? { subQuestions: (v.subQuestions ?? []).map(candidateViewOf) } : {}),
  };
}

/** Plain text of a rich-text stem, for lists and search. */
export function plainText(html: string): string {
  return html
    .replace(/<\/?(?:a|b|i|u|em|strong|span|sub|sup|code|mark|small|s)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
