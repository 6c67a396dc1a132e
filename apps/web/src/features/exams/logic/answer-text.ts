import type { CorrectAnswer, GivenAnswer, ReviewOption } from '../api/types';

/**
 * An answer as a short line of text for the review: option keys with their text, true/false as words, blanks
 * in order. `words` supplies the language's true, false, blank and "or".
 */
export interface AnswerWords {
  yes: string;
  no: string;
  none: string;
  or: string;
}

function choiceText(key: string, options: readonly ReviewOption[] | undefined): string {
  const option = options?.find((o) => o.key === key);
  return option ? `${key}. ${plain(option.text)}` : key;
}

/** Rich text reduced to its words (an option's text inside a line). */
export function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function givenAnswerText(
  answer: GivenAnswer | null,
  options: readonly ReviewOption[] | undefined,
  words: AnswerWords,
): string {
  if (answer === null) return words.none;
  if (answer.choice !== undefined) return choiceText(answer.choice, options);
  if (answer.choices !== undefined)
    return answer.choices.length === 0
      ? words.none
      : answer.choices.map((c) => choiceText(c, options)).join('; ');
  if (answer.truth !== undefined) return answer.truth ? words.yes : words.no;
  if (answer.blanks !== undefined)
    return answer.blanks.length === 0
      ? words.none
      : answer.blanks.map((b, i) => `(${i + 1}) ${b}`).join('  ');
  if (answer.text !== undefined) return answer.text.trim() === '' ? words.none : answer.text;
  if (answer.parts !== undefined)
    return answer.parts.map((p, i) => `[${i + 1}] ${givenAnswerText(p, undefined, words)}`).join('  ');
  return words.none;
}

export function correctAnswerText(
  answer: CorrectAnswer,
  options: readonly ReviewOption[] | undefined,
  words: AnswerWords,
): string {
  if (answer.choice !== undefined) return choiceText(answer.choice, options);
  if (answer.choices !== undefined) return answer.choices.map((c) => choiceText(c, options)).join('; ');
  if (answer.truth !== undefined) return answer.truth ? words.yes : words.no;
  if (answer.blanks !== undefined)
    return answer.blanks.map((accepted, i) => `(${i + 1}) ${accepted.join(` ${words.or} `)}`).join('  ');
  if (answer.parts !== undefined)
    return answer.parts.map((p, i) => `[${i + 1}] ${correctAnswerText(p, undefined, words)}`).join('  ');
  return '';
}
