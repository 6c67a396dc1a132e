import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';
import type { ExamEntity } from '../exam/exam.entity';
import { ExamNotFoundError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import { inMarkerOrder } from './domain/mark-rules';
import { QuestionNotMarkedError } from './marking.errors';
import { MarkingRepository, type QuestionProgress } from './marking.repository';
import { MarkingIntakeService } from './marking-intake.service';
import type { MarkingItemEntity } from './marking-item.entity';
import type { MarkingMarkEntity } from './marking-mark.entity';

/** Candidates fetched per wanted item: some are lost to markers claiming at the same time. */
const CANDIDATE_FACTOR = 3;

export interface MarkingBatch {
  readonly exam: ExamEntity;
  readonly items: readonly MarkingItemEntity[];
  /** Earlier marks of items in reconciliation (the reconciling marker sees them). */
  readonly marks: readonly MarkingMarkEntity[];
}

/** The marking queue of an exam: progress per question, and anonymous batches claimed for one marker. */
@Injectable()
export class MarkingQueueService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly marking: MarkingRepository,
    private readonly intake: MarkingIntakeService,
    private readonly env: ExamEnv,
    private readonly clock: Clock,
  ) {}

  /** The exam of the institution, with its closed attempts taken into marking. */
  async examForMarking(institutionId: string, examId: string): Promise<ExamEntity> {
    const exam = await this.exams.findOfInstitution(institutionId, examId);
    if (exam === null) throw new ExamNotFoundError();
    await this.intake.run(examId);
    return exam;
  }

  async progress(
    institutionId: string,
    examId: string,
  ): Promise<{ exam: ExamEntity; questions: QuestionProgress[] }> {
    const exam = await this.examForMarking(institutionId, examId);
    return { exam, questions: await this.marking.progress(examId) };
  }

  /**
   * Claims up to `size` answers of a question for the marker, in the marker's own random order: answers they
   * already hold first, never one they marked, never one another marker holds.
   */
  async nextBatch(
    institutionId: string,
    examId: string,
    questionId: string,
    markerId: string,
    size: number,
  ): Promise<MarkingBatch> {
    const exam = await this.examForMarking(institutionId, examId);
    if (!(await this.marking.hasQuestion(examId, questionId))) throw new QuestionNotMarkedError();
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.env.EXAM_MARKING_CLAIM_SECONDS * 1000);
    const candidates = await this.marking.candidates(
      examId,
      questionId,
      markerId,
      now,
      size * CANDIDATE_FACTOR,
    );
    const claimed: string[] = [];
    for (const id of candidates) {
      if (claimed.length >= size) break;
      if (await this.marking.claim(id, markerId, now, until)) claimed.push(id);
    }
    const items = inMarkerOrder(markerId, await this.marking.itemsByIds(claimed));
    const reconciling = items.filter((i) => i.status === 'reconciliation').map((i) => i.id);
    return { exam, items, marks: await this.marking.marksOfItems(reconciling) };
  }
}
