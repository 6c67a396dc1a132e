import type { ErrorDetail } from '@exam/platform';

import type { AnswerValue } from '../../attempt/domain/answer';
import { gradeQuestion, type KeyedQuestion } from '../../attempt/domain/answer-grading';
import type { QuestionContent } from '../../bank/question-content';
import type { PaperSnapshot } from '../../paper/paper-structure';

/** Question types whose key staff can change after the exam: the automatically graded ones. */
export const REGRADABLE_TYPES = ['single', 'multiple', 'true_false', 'fill_blank'] as const;

export const KEY_CHANGE_ACTIONS = ['accept', 'replace', 'drop'] as const;
export type KeyChangeAction = (typeof KEY_CHANGE_ACTIONS)[number];

/**
 * What staff ask: `accept` another answer as correct too (single choice: option keys; fill-in: more accepted
 * answers per blank), `replace` the key (single/multiple: the correct option keys; true/false: the truth;
 * fill-in: every blank's accepted answers), or `drop` the question: everyone gets its full points.
 */
export interface KeyChangeRequest {
  readonly action: KeyChangeAction;
  readonly choices?: readonly string[];
  readonly truth?: boolean;
  readonly blanks?: readonly (readonly string[])[];
}

/** The key of a question of an exam as changed by staff, over the frozen content. Stored as JSON. */
export interface KeyOverride {
  readonly dropped: boolean;
  readonly correct?: readonly string[];
  readonly truth?: boolean;
  readonly accepted?: readonly (readonly string[])[];
}

const NO_OVERRIDE: KeyOverride = { dropped: false };

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

function correctKeys(content: QuestionContent, current: KeyOverride): string[] {
  return [...(current.correct ?? (content.options ?? []).filter((o) => o.correct).map((o) => o.key))];
}

function acceptedOf(content: QuestionContent, current: KeyOverride): string[][] {
  return (current.accepted ?? (content.blanks ?? []).map((b) => b.accepted)).map((a) => [...a]);
}

type Result = { override: KeyOverride; errors: readonly [] } | { override: null; errors: ErrorDetail[] };

const fail = (field: string, reason: string): Result => ({ override: null, errors: [{ field, reason }] });

function choicesOf(content: QuestionContent, request: KeyChangeRequest): string[] | ErrorDetail {
  const keys = new Set((content.options ?? []).map((o) => o.key));
  const choices = unique(request.choices ?? []);
  if (choices.length === 0) return { field: 'choices', reason: 'name at least one option key' };
  const unknown = choices.filter((c) => !keys.has(c));
  if (unknown.length > 0)
    return {
      field: 'choices',
      reason: `${unknown.join(', ')} not among the options ${[...keys].join(', ')}`,
    };
  return choices.sort();
}

/**
 * The question's key after `request`, from the frozen content and the change made so far; asking the same
 * again gives the same key (so regrading again changes nothing). Pure.
 */
export function nextOverride(
  content: QuestionContent,
  current: KeyOverride | null,
  request: KeyChangeRequest,
): Result {
  const base = current ?? NO_OVERRIDE;
  if (!(REGRADABLE_TYPES as readonly string[]).includes(content.type))
    return fail(
      'questionId',
      `a ${content.type} question is marked by people; change its marks in the marking queue instead`,
    );
  if (request.action === 'drop') return { override: { ...base, dropped: true }, errors: [] };
  switch (content.type) {
    case 'single': {
      const choices = choicesOf(content, request);
      if (!Array.isArray(choices)) return { override: null, errors: [choices] };
      if (request.action === 'replace') {
        if (choices.length !== 1) return fail('choices', 'a single-choice key has exactly one option');
        return { override: { dropped: false, correct: choices }, errors: [] };
      }
      return {
        override: { ...base, correct: unique([...correctKeys(content, base), ...choices]).sort() },
        errors: [],
      };
    }
    case 'multiple': {
      if (request.action === 'accept')
        return fail('action', 'a multiple-choice key is a set of options: replace it with the correct set');
      const choices = choicesOf(content, request);
      if (!Array.isArray(choices)) return { override: null, errors: [choices] };
      return { override: { dropped: false, correct: choices }, errors: [] };
    }
    case 'true_false':
      if (request.action === 'accept')
        return fail('action', 'a true/false question has one answer: replace it, or drop the question');
      if (typeof request.truth !== 'boolean') return fail('truth', 'give the correct answer, true or false');
      return { override: { dropped: false, truth: request.truth }, errors: [] };
    case 'fill_blank': {
      const count = (content.blanks ?? []).length;
      const given = request.blanks ?? [];
      if (given.length !== count) return fail('blanks', `give one list per blank (${count})`);
      if (request.action === 'replace') {
        const accepted = given.map(unique);
        const empty = accepted.findIndex((a) => a.length === 0);
        if (empty >= 0) return fail(`blanks[${empty}]`, 'each blank needs at least one accepted answer');
        return { override: { dropped: false, accepted }, errors: [] };
      }
      const current = acceptedOf(content, base);
      const accepted = current.map((a, i) => unique([...a, ...(given[i] ?? [])]));
      if (given.every((g) => unique(g).length === 0))
        return fail('blanks', 'name at least one answer to accept');
      return { override: { ...base, accepted }, errors: [] };
    }
    case 'essay':
    case 'composite':
      return fail('questionId', `a ${content.type} question's key cannot change`);
  }
}

/** The frozen content with the changed key (option flags, truth, accepted answers). Pure. */
export function applyOverride(content: QuestionContent, override: KeyOverride): QuestionContent {
  const correct = override.correct;
  return {
    ...content,
    ...(content.options && correct
      ? { options: content.options.map((o) => ({ ...o, correct: correct.includes(o.key) })) }
      : {}),
    ...(override.truth !== undefined ? { answer: override.truth } : {}),
    ...(content.blanks && override.accepted
      ? { blanks: override.accepted.map((accepted) => ({ accepted })) }
      : {}),
  };
}

/**
 * A question's score under the changed key, with the frozen paper's rules (partial credit, normalisation,
 * scaling): a dropped question gives everyone its full points. Pure.
 */
export function regradeScore(
  question: KeyedQuestion,
  override: KeyOverride,
  answer: AnswerValue | undefined,
): number {
  if (override.dropped) return question.score;
  return (
    gradeQuestion({ ...question, content: applyOverride(question.content, override) }, answer).score ?? 0
  );
}

/** The content an exam froze for a question (fixed, or in a draw pool), or null when it is not in the paper. */
export function pinnedContentOf(snapshot: PaperSnapshot, questionId: string): QuestionContent | null {
  for (const section of snapshot.sections) {
    const fixed = section.fixed.find((f) => f.questionId === questionId);
    if (fixed) return fixed.content;
    for (const draw of section.draws) {
      const pooled = draw.pool.find((q) => q.questionId === questionId);
      if (pooled) return pooled.content;
    }
  }
  return null;
}

/**
 * The new score of every question of an attempt whose key changed (questions of its paper only), from its
 * saved answers. Pure; unchanged scores are left to the caller to skip.
 */
export function regradedScores(
  key: readonly KeyedQuestion[],
  answers: ReadonlyMap<string, AnswerValue>,
  overrides: ReadonlyMap<string, KeyOverride>,
): { questionId: string; score: number }[] {
  const scores: { questionId: string; score: number }[] = [];
  for (const question of key) {
    const override = overrides.get(question.questionId);
    if (override === undefined) continue;
    if (!(REGRADABLE_TYPES as readonly string[]).includes(question.content.type)) continue;
    scores.push({
      questionId: question.questionId,
      score: regradeScore(question, override, answers.get(question.questionId)),
    });
  }
  return scores;
}
