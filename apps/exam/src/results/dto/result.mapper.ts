import type { AnswerValue } from '../../attempt/domain/answer';
import type { QuestionContent } from '../../bank/question-content';
import type { AttemptReview, CandidateResults } from '../candidate-results.service';
import { passed } from '../domain/counted-attempt';
import { reviewVisible, scoreVisible } from '../domain/result-visibility';
import type { ReleaseOutcome } from '../results-release.service';
import type {
  AttemptResultDto,
  AttemptReviewDto,
  CorrectAnswerDto,
  ExamResultsDto,
  ResultsReleaseDto,
  ReviewQuestionDto,
} from './result.dto';

export function toExamResultsDto(r: CandidateResults): ExamResultsDto {
  const passScore = r.exam.settings.passScore;
  const items: AttemptResultDto[] = r.attempts.map((a) => {
    const visible = scoreVisible(a.status, r.verdict) && a.score !== null;
    return {
      attemptId: a.id,
      attemptNo: a.attemptNo,
      status: a.status,
      submittedAt: a.submittedAt === null ? null : a.submittedAt.toISOString(),
      score: visible ? a.score : null,
      maxScore: a.maxScore,
      passed: visible && a.score !== null ? passed(a.score, passScore) : null,
      counted: a.id === r.countedAttemptId,
      reviewAvailable: reviewVisible(a.status, r.reviewRule, r.verdict),
    };
  });
  const counted = items.find((i) => i.counted) ?? null;
  return {
    examId: r.exam.id,
    title: r.exam.title,
    passScore,
    countedAttempt: r.exam.settings.countedAttempt,
    countedAttemptId: counted?.attemptId ?? null,
    score: counted?.score ?? null,
    maxScore: counted?.maxScore ?? null,
    passed: counted?.passed ?? null,
    items,
  };
}

function correctAnswerOf(content: QuestionContent): CorrectAnswerDto {
  switch (content.type) {
    case 'single':
      return { choice: (content.options ?? []).find((o) => o.correct)?.key ?? '' };
    case 'multiple':
      return { choices: (content.options ?? []).filter((o) => o.correct).map((o) => o.key) };
    case 'true_false':
      return { truth: content.answer === true };
    case 'fill_blank':
      return { blanks: (content.blanks ?? []).map((b) => [...b.accepted]) };
    case 'essay':
      return {};
    case 'composite':
      return { parts: (content.subQuestions ?? []).map(correctAnswerOf) };
  }
}

function answerDto(answer: AnswerValue | undefined): Record<string, unknown> | null {
  return answer === undefined ? null : (JSON.parse(JSON.stringify(answer)) as Record<string, unknown>);
}

export function toAttemptReviewDto(review: AttemptReview): AttemptReviewDto {
  const { attempt } = review;
  const saved = new Map(review.answers.map((a) => [a.questionId, a.answer]));
  const keyed = new Map(review.answerKey.map((q) => [q.questionId, q]));
  const order = attempt.paper.sections.flatMap((s) => s.questions.map((q) => q.questionId));
  const questions: ReviewQuestionDto[] = [];
  for (const questionId of order) {
    const q = keyed.get(questionId);
    if (q === undefined) continue;
    questions.push({
      questionId,
      type: q.content.type,
      stem: q.content.stem,
      explanation: q.content.explanation,
      worth: q.score,
      awarded: attempt.questionScores?.[questionId] ?? null,
      yourAnswer: answerDto(saved.get(questionId)),
      correctAnswer: correctAnswerOf(q.content),
      ...(q.content.options
        ? { options: q.content.options.map((o) => ({ key: o.key, text: o.text, correct: o.correct })) }
        : {}),
    });
  }
  return {
    attemptId: attempt.id,
    examId: attempt.examId,
    status: attempt.status,
    score: attempt.status === 'graded' ? attempt.score : null,
    maxScore: attempt.maxScore,
    questions,
  };
}

export function toResultsReleaseDto(outcome: ReleaseOutcome): ResultsReleaseDto {
  return {
    examId: outcome.release.examId,
    releasedAt: outcome.release.releasedAt.toISOString(),
    released: outcome.released,
  };
}
