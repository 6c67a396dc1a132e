import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AttemptRepository } from '../attempt/attempt.repository';
import { ExamNotFoundError, ExamWrongStateError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import { MarkingUnfinishedError, ReleaseNotApplicableError } from './result.errors';
import { ResultReleaseEntity } from './result-release.entity';
import { ResultReleaseRepository } from './result-release.repository';

export interface ReleaseOutcome {
  readonly release: ResultReleaseEntity;
  /** False when the results were already released (the call changed nothing). */
  readonly released: boolean;
}

/**
 * Staff release of an exam's results (policy `after_marking`). Idempotent: the first release is recorded
 * and published (`exam.results.released`, the audit trail) once; later calls answer the same release.
 */
@Injectable()
export class ResultsReleaseService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly releases: ResultReleaseRepository,
    private readonly attempts: AttemptRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async release(institutionId: string, examId: string, userId: string): Promise<ReleaseOutcome> {
    const exam = await this.exams.findOfInstitution(institutionId, examId);
    if (exam === null) throw new ExamNotFoundError();
    if (exam.settings.resultsRelease !== 'after_marking')
      throw new ReleaseNotApplicableError(exam.settings.resultsRelease);
    if (exam.status === 'draft') throw new ExamWrongStateError(exam.status, 'published or closed');
    const existing = await this.releases.find(examId);
    if (existing !== null) return { release: existing, released: false };
    const waiting = await this.attempts.awaitingMarking(examId);
    if (waiting > 0) throw new MarkingUnfinishedError(waiting);
    return this.releases.transaction(async (tx) => {
      // The exam row lock serialises parallel releases: one inserts and publishes, the others read it.
      const locked = await this.exams.lockOfInstitution(tx, institutionId, examId);
      if (locked === null) throw new ExamNotFoundError();
      const again = await this.releases.find(examId, tx);
      if (again !== null) return { release: again, released: false };
      const release = Object.assign(new ResultReleaseEntity(), {
        examId,
        institutionId,
        releasedBy: userId,
        releasedAt: this.clock.now(),
      });
      await this.releases.insert(tx, release);
      await this.events.stage(tx, Topics.ResultsReleased, {
        subjectId: examId,
        payload: {
          examId,
          institutionId,
          releasedBy: userId,
          releasedAt: release.releasedAt.toISOString(),
        },
      });
      return { release, released: true };
    });
  }

  /** When staff released the exam's results, or null. */
  async releasedAt(examId: string): Promise<Date | null> {
    return (await this.releases.find(examId))?.releasedAt ?? null;
  }
}
