import type { QuestionType } from '../../bank/question-content';
import type { PaperSnapshot } from '../../paper/paper-structure';

/** A question of the exam's frozen paper, for statistics: what it is worth and a plain-text label. */
export interface PaperQuestion {
  readonly questionId: string;
  readonly worth: number;
  readonly type: QuestionType;
  /** Section and position (draw pools: the pool's position), e.g. `1.3`. */
  readonly number: string;
  readonly label: string;
}

const LABEL_LENGTH = 80;

/** The stem without markup, shortened: enough to recognise the question in a spreadsheet. */
export function plainLabel(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text;
}

/** Every question the snapshot can deliver (fixed items and draw pools), in paper order; pure. */
export function paperQuestions(snapshot: PaperSnapshot | null): PaperQuestion[] {
  if (snapshot === null) return [];
  const out: PaperQuestion[] = [];
  const seen = new Set<string>();
  snapshot.sections.forEach((section, s) => {
    let position = 0;
    const add = (questionId: string, worth: number, type: QuestionType, stem: string): void => {
      position += 1;
      if (seen.has(questionId)) return;
      seen.add(questionId);
      out.push({ questionId, worth, type, number: `${s + 1}.${position}`, label: plainLabel(stem) });
    };
    for (const item of section.fixed) add(item.questionId, item.score, item.content.type, item.content.stem);
    for (const draw of section.draws)
      for (const q of draw.pool) add(q.questionId, draw.scoreEach, q.content.type, q.content.stem);
  });
  return out;
}
