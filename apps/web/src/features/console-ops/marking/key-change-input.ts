import type { KeyChangeAction, KeyChangeBody } from './regrade-api';

/** Question types whose key can change after the exam (the automatically graded ones). */
export const REGRADABLE_TYPES = ['single', 'multiple', 'true_false', 'fill_blank'] as const;

export interface KeyChangeInput {
  questionId?: string;
  type?: string;
  action?: KeyChangeAction;
  /** Option letters, e.g. `A, C` (commas, Chinese commas, 、 or spaces between). */
  choices?: string;
  truth?: boolean;
  /** One line per blank; a blank's accepted answers separated by `|`. */
  blanks?: string;
  reason?: string;
}

export type KeyChangeProblem =
  'question' | 'action' | 'choices' | 'truth' | 'blanks' | 'reason' | 'not_regradable';

/** Option letters as the API wants them: upper case, each once, sorted. Pure. */
export function parseChoices(text: string): string[] {
  const letters = text
    .split(/[\s,，、;；]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
  return [...new Set(letters)].sort();
}

/**
 * Accepted answers per blank from one line per blank (`|` between a blank's answers). An empty line is a blank
 * with nothing to add (accept); empty lines at the end are dropped. Pure.
 */
export function parseBlanks(text: string): string[][] {
  const blanks = text.split(/\r?\n/).map((line) =>
    line
      .split('|')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  );
  while (blanks.length > 0 && blanks[blanks.length - 1]?.length === 0) blanks.pop();
  return blanks;
}

/** The key-change request for the form's values, or what is missing. Pure. */
export function keyChangeBody(
  input: KeyChangeInput,
): { body: KeyChangeBody } | { problem: KeyChangeProblem } {
  if (!input.questionId || !input.type) return { problem: 'question' };
  if (!(REGRADABLE_TYPES as readonly string[]).includes(input.type)) return { problem: 'not_regradable' };
  if (!input.action) return { problem: 'action' };
  const reason = (input.reason ?? '').trim();
  if (reason === '' || reason.length > 500) return { problem: 'reason' };
  const base = { questionId: input.questionId, action: input.action, reason };
  if (input.action === 'drop') return { body: base };
  // A multiple-choice key is a set of options: it is replaced, not widened.
  if (input.type === 'multiple' && input.action === 'accept') return { problem: 'action' };
  if (input.type === 'true_false') {
    if (input.action === 'accept' || input.truth === undefined) return { problem: 'truth' };
    return { body: { ...base, truth: input.truth } };
  }
  if (input.type === 'fill_blank') {
    const blanks = parseBlanks(input.blanks ?? '');
    if (blanks.every((b) => b.length === 0)) return { problem: 'blanks' };
    return { body: { ...base, blanks: blanks.map((accepted) => ({ accepted })) } };
  }
  const choices = parseChoices(input.choices ?? '');
  if (choices.length === 0) return { problem: 'choices' };
  return { body: { ...base, choices } };
}
