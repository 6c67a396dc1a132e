import type { AttemptEntity } from '../attempt.entity';
import type { AttemptAnswerEntity } from '../attempt-answer.entity';
import type { SaveResult } from '../attempt-answers.service';
import type { AnswerValue } from '../domain/answer';
import { remainingSeconds } from '../domain/attempt-timing';
import type {
  AnswerDto,
  AttemptClockDto,
  AttemptResponseDto,
  SaveAnswerResponseDto,
  SavedAnswerDto,
} from './attempt.dto';

function toAnswerDto(answer: AnswerValue): AnswerDto {
  return JSON.parse(JSON.stringify(answer)) as AnswerDto;
}

/** While the attempt is paused its time left stays what it was at the pause (`pausedAt`). */
export function toClockDto(
  deadline: Date,
  saveUntil: Date,
  now: Date,
  pausedAt: Date | null = null,
): AttemptClockDto {
  return {
    serverTime: now.toISOString(),
    deadline: deadline.toISOString(),
    saveUntil: saveUntil.toISOString(),
    remainingSeconds: remainingSeconds(deadline, pausedAt ?? now),
  };
}

export function toSavedAnswerDto(answer: AttemptAnswerEntity): SavedAnswerDto {
  return {
    questionId: answer.questionId,
    seq: answer.seq,
    answer: toAnswerDto(answer.answer),
    savedAt: answer.savedAt.toISOString(),
  };
}

export function toAttemptDto(
  attempt: AttemptEntity,
  answers: readonly AttemptAnswerEntity[],
  now: Date,
  resumed = false,
): AttemptResponseDto {
  return {
    attemptId: attempt.id,
    examId: attempt.examId,
    attemptNumber: attempt.attemptNo,
    status: attempt.status,
    resumed,
    startedAt: attempt.startedAt.toISOString(),
    earliestSubmitAt: attempt.earliestSubmitAt.toISOString(),
    submittedAt: attempt.submittedAt?.toISOString() ?? null,
    pausedAt: attempt.pausedAt?.toISOString() ?? null,
    clock: toClockDto(attempt.deadlineAt, attempt.saveUntil, now, attempt.pausedAt ?? null),
    paperUrl: `/api/exam/attempts/${attempt.id}/paper`,
    answers: answers.map(toSavedAnswerDto),
  };
}

export function toSaveAnswerDto(result: SaveResult): SaveAnswerResponseDto {
  return {
    applied: result.applied,
    held: {
      questionId: result.questionId,
      seq: result.held.seq,
      answer: toAnswerDto(result.held.answer),
      savedAt: result.held.savedAt.toISOString(),
    },
    clock: toClockDto(result.deadlineAt, result.saveUntil, result.now),
  };
}
