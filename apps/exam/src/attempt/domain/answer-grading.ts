import type { QuestionContent } from '../../bank/question-content';
import { scoreBlanks, scoreMultiple, scoreSingle, scoreTrueFalse } from '../../bank/scoring';
import type { AnswerValue } from './answer';

/** One question of an attempt's frozen key: the pinned content and what it is worth in this paper. */
export interface KeyedQuestion {
  readonly questionId: string;
  readonly score: number;
  readonly content: QuestionContent;
}

/** A question's grade: `score` is null while a marker must still look at it; `auto` is what was graded automatically. */
export interface QuestionGrade {
  readonly score: number | null;
  readonly auto: number;
}

export interface AttemptGrade {
  /** Per question id: its score, or null while it waits for marking. */
  readonly scores: Readonly<Record<string, number | null>>;
  /** The sum of every automatically graded point. */
  readonly objectiveScore: number;
  readonly maxScore: number;
  readonly needsMarking: boolean;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

function isBlank(answer: AnswerValue): boolean {
  return Object.values(answer).every((v) => v === undefined);
}

/** Points of `content` (its own scale) for `answer`, or null when only a person can grade it. */
function rawGrade(content: QuestionContent, answer: AnswerValue): QuestionGrade {
  switch (content.type) {
    case 'single': {
      const s = scoreSingle(content.options ?? [], answer.choice ?? null, content.score);
      return { score: s, auto: s };
    }
    case 'multiple': {
      const s = scoreMultiple(
        content.options ?? [],
        answer.choices ?? [],
        content.score,
        content.partialCredit ?? 'all_or_nothing',
      );
      return { score: s, auto: s };
    }
    case 'true_false': {
      const s = scoreTrueFalse(content.answer === true, answer.truth ?? null, content.score);
      return { score: s, auto: s };
    }
    case 'fill_blank': {
      const s = scoreBlanks(content, answer.blanks ?? []);
      return { score: s, auto: s };
    }
    case 'essay':
      // Nothing written is nothing to mark.
      return (answer.text ?? '').trim() === '' ? { score: 0, auto: 0 } : { score: null, auto: 0 };
    case 'composite': {
      const parts = (content.subQuestions ?? []).map((sub, i) => rawGrade(sub, answer.parts?.[i] ?? {}));
      const auto = parts.reduce((sum, p) => sum + p.auto, 0);
      return { score: parts.some((p) => p.score === null) ? null : auto, auto };
    }
  }
}

/**
 * Grades one question with the bank's scoring rules (every partial-credit rule), scaled to what it is worth
 * in this paper; unanswered questions score 0. Pure.
 */
export function gradeQuestion(question: KeyedQuestion, answer: AnswerValue | undefined): QuestionGrade {
  const given = answer ?? {};
  if (isBlank(given)) return { score: 0, auto: 0 };
  const raw = rawGrade(question.content, given);
  const scale = question.content.score > 0 ? question.score / question.content.score : 0;
  return {
    score: raw.score === null ? null : round(raw.score * scale),
    auto: round(raw.auto * scale),
  };
}

/** Grades a whole attempt from its latest saved answers. Pure. */
export function gradeAttempt(
  key: readonly KeyedQuestion[],
  answers: ReadonlyMap<string, AnswerValue>,
): AttemptGrade {
  const scores: Record<string, number | null> = {};
  let objectiveScore = 0;
  let maxScore = 0;
  let needsMarking = false;
  for (const question of key) {
    const grade = gradeQuestion(question, answers.get(question.questionId));
    scores[question.questionId] = grade.score;
    objectiveScore += grade.auto;
    maxScore += question.score;
    if (grade.score === null) needsMarking = true;
  }
  return { scores, objectiveScore: round(objectiveScore), maxScore, needsMarking };
}
