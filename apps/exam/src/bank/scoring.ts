import { blankMatches, DEFAULT_NORMALISATION } from './answer-normalisation';
import type { ChoiceOption, PartialCreditRule, QuestionContent } from './question-content';

/** Scores are kept to hundredths of a point; partial credit never produces long fractions. */
function round(points: number): number {
  return Math.round(points * 100) / 100;
}

export function scoreSingle(options: readonly ChoiceOption[], chosen: string | null, score: number): number {
  return options.some((o) => o.correct && o.key === chosen) ? score : 0;
}

/**
 * Multiple choice under its partial-credit rule: `all_or_nothing` needs exactly the correct set;
 * `proportional` gives each correct choice its share and takes one share per wrong choice (never below 0,
 * Moodle's rule); `wrong_choice_zero` gives the share of correct choices unless any wrong one was chosen.
 */
export function scoreMultiple(
  options: readonly ChoiceOption[],
  chosen: readonly string[],
  score: number,
  rule: PartialCreditRule,
): number {
  const picked = new Set(chosen);
  const correct = options.filter((o) => o.correct);
  const hits = correct.filter((o) => picked.has(o.key)).length;
  const wrong = options.filter((o) => !o.correct && picked.has(o.key)).length;
  if (correct.length === 0) return 0;
  switch (rule) {
    case 'all_or_nothing':
      return hits === correct.length && wrong === 0 ? score : 0;
    case 'proportional':
      return round(Math.max(0, ((hits - wrong) / correct.length) * score));
    case 'wrong_choice_zero':
      return wrong > 0 ? 0 : round((hits / correct.length) * score);
  }
}

export function scoreTrueFalse(answer: boolean, given: boolean | null, score: number): number {
  return given === answer ? score : 0;
}

/** Each blank is worth an equal share of the score. */
export function scoreBlanks(content: QuestionContent, given: readonly string[]): number {
  const blanks = content.blanks ?? [];
  if (blanks.length === 0) return 0;
  const rules = content.normalisation ?? DEFAULT_NORMALISATION;
  const right = blanks.filter((blank, i) => {
    const answer = given[i];
    return typeof answer === 'string' && blankMatches(answer, blank.accepted, rules);
  }).length;
  return round((right / blanks.length) * content.score);
}
