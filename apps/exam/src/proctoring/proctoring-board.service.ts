import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { ExamsService } from '../exam/exams.service';
import { RegistrationRepository } from '../registration/registration.repository';
import { type BoardState, boardStateOf, emptyCounts, type EventCounts, sumCounts } from './domain/board';
import {
  type ControlledAttemptRow,
  ProctoredAttemptRepository,
  type SaveSummary,
} from './proctored-attempt.repository';
import { ProctoredAttemptNotFoundError } from './proctoring.errors';
import { ProctoringRepository } from './proctoring.repository';
import type { ProctoringEventEntity } from './proctoring-event.entity';
import type { StaffActionEntity } from './staff-action.entity';

export interface BoardRow {
  readonly userId: string;
  readonly registrationNumber: string | null;
  readonly ticketNumber: string | null;
  readonly state: BoardState;
  readonly attempt: ControlledAttemptRow | null;
  readonly saves: SaveSummary;
  readonly events: EventCounts;
}

export interface Board {
  readonly examId: string;
  readonly rows: readonly BoardRow[];
  readonly now: Date;
}

export interface Timeline {
  readonly attempt: ControlledAttemptRow;
  readonly saves: SaveSummary;
  readonly events: readonly ProctoringEventEntity[];
  readonly actions: readonly StaffActionEntity[];
  readonly now: Date;
}

const NO_SAVES: SaveSummary = { answered: 0, lastSavedAt: null };

/** The staff's live view of an exam: every confirmed candidate and their latest attempt, and one attempt's timeline. */
@Injectable()
export class ProctoringBoardService {
  constructor(
    private readonly exams: ExamsService,
    private readonly registrations: RegistrationRepository,
    private readonly attempts: ProctoredAttemptRepository,
    private readonly proctoring: ProctoringRepository,
    private readonly clock: Clock,
  ) {}

  async board(institutionId: string, examId: string): Promise<Board> {
    const exam = await this.exams.get(institutionId, examId);
    const [registered, attempts, saves, counts] = await Promise.all([
      this.registrations.confirmedOfExam(exam.id),
      this.attempts.listOfExam(exam.id),
      this.attempts.saveSummariesOfExam(exam.id),
      this.proctoring.countsOfExam(exam.id),
    ]);
    // Each candidate's latest attempt (listed by attempt number).
    const latest = new Map(attempts.map((a) => [a.userId, a]));
    const events = sumCounts(counts);
    const candidates = new Map<string, { registrationNumber: string | null; ticketNumber: string | null }>(
      registered.map((r) => [
        r.userId,
        { registrationNumber: r.registrationNumber, ticketNumber: r.ticketNumber },
      ]),
    );
    // Practice exams and cancelled registrations still show the attempts taken.
    for (const userId of latest.keys())
      if (!candidates.has(userId)) candidates.set(userId, { registrationNumber: null, ticketNumber: null });
    const rows = [...candidates.entries()].map(([userId, numbers]): BoardRow => {
      const attempt = latest.get(userId) ?? null;
      return {
        userId,
        registrationNumber: numbers.registrationNumber,
        ticketNumber: numbers.ticketNumber,
        state: boardStateOf(attempt),
        attempt,
        saves: (attempt && saves.get(attempt.id)) ?? NO_SAVES,
        events: (attempt && events.get(attempt.id)) ?? emptyCounts(),
      };
    });
    return { examId: exam.id, rows, now: this.clock.now() };
  }

  async timeline(institutionId: string, attemptId: string): Promise<Timeline> {
    const attempt = await this.attempts.findOfInstitution(institutionId, attemptId);
    if (attempt === null) throw new ProctoredAttemptNotFoundError();
    const [saves, events, actions] = await Promise.all([
      this.attempts.saveSummaryOf(attempt.id),
      this.proctoring.eventsOf(attempt.id),
      this.proctoring.staffActionsOf(attempt.id),
    ]);
    return { attempt, saves, events, actions, now: this.clock.now() };
  }
}
