import { Injectable } from '@nestjs/common';

import { ExamRepository } from '../exam/exam.repository';
import type { AttemptEntity } from './attempt.entity';
import type { KeyedQuestion } from './domain/answer-grading';
import { keyNeedsSnapshot, resolveAnswerKey } from './domain/attempt-paper';
import { PaperSnapshotCache } from './paper-snapshot-cache';

/**
 * An attempt's grading key with its questions' content. The row names each question by id and pinned version;
 * the content comes from the exam's frozen snapshot, read once per exam and process (the copy the start path
 * uses), so a hall's submissions do not read it again and the start writes a row a third the size.
 */
@Injectable()
export class AnswerKeyResolver {
  constructor(
    private readonly exams: ExamRepository,
    private readonly snapshots: PaperSnapshotCache,
  ) {}

  async keyOf(attempt: Pick<AttemptEntity, 'examId' | 'answerKey'>): Promise<KeyedQuestion[]> {
    if (!keyNeedsSnapshot(attempt.answerKey)) return resolveAnswerKey(attempt.answerKey, null);
    const snapshot = await this.snapshots.get(attempt.examId, () => this.exams.findSnapshot(attempt.examId));
    return resolveAnswerKey(attempt.answerKey, snapshot);
  }
}
