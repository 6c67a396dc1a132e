import type { AnswerValue } from '../../attempt/domain/answer';
import { gradeQuestion, type KeyedQuestion } from '../../attempt/domain/answer-grading';
import type { QuestionContent } from '../../bank/question-content';

/** One written answer a marker reads: the (sub-)question's stem, its rubric or reference answer, the text. */
export interface MarkablePassage {
  /** The sub-question's position in a composite question; null for an essay question itself. */
  readonly part: number | null;
  readonly stem: string;
  readonly rubric: string;
  readonly text: string;
  readonly points: number;
}

/** What a person must mark in one question of an attempt, and the points already graded automatically. */
export interface MarkablePart {
  /** The most a marker can give (the written parts' worth in this paper). */
  readonly maxMark: number;
  /** Points the objective parts of a composite question already scored. */
  readonly autoPoints: number;
  readonly passages: readonly MarkablePassage[];
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

function written(content: QuestionContent, answer: AnswerValue | undefined): string | null {
  const text = answer?.text ?? '';
  return content.type === 'essay' && text.trim() !== '' ? text : null;
}

/**
 * The part of a question only a person can grade, for an answer that left it waiting (score null): an
 * essay's text, or the written sub-answers of a composite question, with their worth scaled to the paper.
 * Null when nothing in it needs a marker. Pure.
 */
export function markablePartOf(
  question: KeyedQuestion,
  answer: AnswerValue | undefined,
): MarkablePart | null {
  const { content } = question;
  const scale = content.score > 0 ? question.score / content.score : 0;
  const passages: MarkablePassage[] = [];
  const own = written(content, answer);
  if (own !== null)
    passages.push({
      part: null,
      stem: content.stem,
      rubric: content.rubric ?? '',
      text: own,
      points: question.score,
    });
  if (content.type === 'composite')
    (content.subQuestions ?? []).forEach((sub, i) => {
      const text = written(sub, answer?.parts?.[i]);
      if (text !== null)
        passages.push({
          part: i,
          stem: sub.stem,
          rubric: sub.rubric ?? '',
          text,
          points: round(sub.score * scale),
        });
    });
  if (passages.length === 0) return null;
  return {
    maxMark: round(passages.reduce((sum, p) => sum + p.points, 0)),
    autoPoints: gradeQuestion(question, answer).auto,
    passages,
  };
}
