import type { ExamEntity } from '../../exam/exam.entity';
import { markingOf } from '../../exam/exam-settings';
import type { KeyChangeEntity } from '../key-change.entity';
import type { QuestionProgress } from '../marking.repository';
import type { MarkResult } from '../marking-marks.service';
import type { MarkingBatch } from '../marking-queue.service';
import type { RegradeProgress } from '../regrade.service';
import type { ScoreHistoryEntity } from '../score-history.entity';
import type {
  KeyChangeResponseDto,
  MarkingBatchResponseDto,
  MarkingProgressDto,
  MarkResultDto,
  ScoreHistoryResponseDto,
} from './marking.dto';

export function toMarkingProgressDto(
  exam: ExamEntity,
  questions: readonly QuestionProgress[],
): MarkingProgressDto {
  const marking = markingOf(exam.settings);
  return {
    examId: exam.id,
    doubleMarking: marking.doubleMarking,
    reconciliation: marking.reconciliation,
    toleranceFraction: marking.toleranceFraction,
    step: marking.step,
    questions: questions.map((q) => ({ ...q })),
  };
}

/** Only what marking needs: the opaque script id, the question, the written passages and earlier marks. */
export function toMarkingBatchDto(batch: MarkingBatch): MarkingBatchResponseDto {
  const step = markingOf(batch.exam.settings).step;
  return {
    items: batch.items.map((item) => ({
      scriptId: item.scriptId,
      questionId: item.questionId,
      status: item.status,
      maxMark: item.maxMark,
      step,
      claimExpiresAt: item.claimExpiresAt?.toISOString() ?? null,
      passages: item.passages.map((p) => ({
        part: p.part,
        stem: p.stem,
        rubric: p.rubric,
        text: p.text,
        points: p.points,
      })),
      earlierMarks: batch.marks
        .filter((m) => m.itemId === item.id)
        .map((m) => ({ round: m.round, mark: m.mark, comment: m.comment })),
    })),
  };
}

export function toMarkResultDto(result: MarkResult): MarkResultDto {
  return { ...result };
}

export function toKeyChangeDto(change: KeyChangeEntity, regrade: RegradeProgress): KeyChangeResponseDto {
  return {
    questionId: change.questionId,
    dropped: change.override.dropped,
    correct: change.override.correct ? [...change.override.correct] : null,
    truth: change.override.truth ?? null,
    accepted: change.override.accepted ? change.override.accepted.map((a) => [...a]) : null,
    reason: change.reason,
    changedAt: change.changedAt.toISOString(),
    regrade: { ...regrade },
  };
}

export function toScoreHistoryDto(
  attemptId: string,
  rows: readonly ScoreHistoryEntity[],
): ScoreHistoryResponseDto {
  return {
    attemptId,
    items: rows.map((r) => ({
      questionId: r.questionId,
      oldScore: r.oldScore,
      newScore: r.newScore,
      reason: r.reason,
      actorId: r.actorId,
      note: r.note,
      at: r.createdAt.toISOString(),
    })),
  };
}
