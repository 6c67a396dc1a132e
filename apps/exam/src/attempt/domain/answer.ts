import type { ErrorDetail } from '@exam/platform';

import type { CandidateQuestionView } from '../../bank/question-content';

/**
 * A candidate's answer to one question, by type: `choice` (single), `choices` (multiple), `truth`
 * (true/false), `blanks` (fill-in, in blank order), `text` (essay), `parts` (composite, one per
 * sub-question, `{}` for one left blank). An answer with no field clears the question.
 */
export interface AnswerValue {
  readonly choice?: string;
  readonly choices?: readonly string[];
  readonly truth?: boolean;
  readonly blanks?: readonly string[];
  readonly text?: string;
  readonly parts?: readonly AnswerValue[];
}

const FIELDS = ['choice', 'choices', 'truth', 'blanks', 'text', 'parts'] as const;
type AnswerField = (typeof FIELDS)[number];

function fieldOf(view: CandidateQuestionView): AnswerField {
  switch (view.type) {
    case 'single':
      return 'choice';
    case 'multiple':
      return 'choices';
    case 'true_false':
      return 'truth';
    case 'fill_blank':
      return 'blanks';
    case 'essay':
      return 'text';
    case 'composite':
      return 'parts';
  }
}

/** Every way `answer` does not fit the question it answers (as the candidate sees it); pure. */
export function checkAnswer(
  view: CandidateQuestionView,
  answer: AnswerValue,
  prefix = 'answer.',
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const expected = fieldOf(view);
  for (const field of FIELDS)
    if (field !== expected && answer[field] !== undefined)
      errors.push({
        field: `${prefix}${field}`,
        reason: `a ${view.type} question is answered with ${expected}`,
      });
  const keys = new Set((view.options ?? []).map((o) => o.key));
  if (answer.choice !== undefined && expected === 'choice' && !keys.has(answer.choice))
    errors.push({ field: `${prefix}choice`, reason: `must be one of ${[...keys].join(', ')}` });
  if (answer.choices !== undefined && expected === 'choices') {
    if (answer.choices.some((c) => !keys.has(c)))
      errors.push({ field: `${prefix}choices`, reason: `each must be one of ${[...keys].join(', ')}` });
    if (new Set(answer.choices).size !== answer.choices.length)
      errors.push({ field: `${prefix}choices`, reason: 'must not repeat an option' });
  }
  if (answer.blanks !== undefined && expected === 'blanks' && answer.blanks.length > (view.blankCount ?? 0))
    errors.push({ field: `${prefix}blanks`, reason: `the question has ${view.blankCount ?? 0} blanks` });
  if (answer.parts !== undefined && expected === 'parts') {
    const subs = view.subQuestions ?? [];
    if (answer.parts.length > subs.length)
      errors.push({ field: `${prefix}parts`, reason: `the question has ${subs.length} sub-questions` });
    subs.forEach((sub, i) => {
      const part = answer.parts?.[i];
      if (part !== undefined) errors.push(...checkAnswer(sub, part, `${prefix}parts[${i}].`));
    });
  }
  return errors;
}
