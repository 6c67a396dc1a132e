import { defineErrorCodes, DomainError } from '@exam/platform';

export const ResultErrorCode = defineErrorCodes('RESULT', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'You have no attempt at this exam, or no attempt of yours has this id.',
    action: 'Check the exam or attempt id; GET /api/exam/me/exams/{examId}/results lists your attempts.',
  },
  NOT_RELEASED_YET: {
    kind: 'conflict',
    meaning: 'The exam’s results are released on a set date, which has not come yet.',
    action: 'Come back at the time in details (availableAt).',
  },
  AWAITING_STAFF_RELEASE: {
    kind: 'conflict',
    meaning:
      'The exam’s results are released by its institution once marking is finished; they are not out yet.',
    action: 'Come back later; the institution releases the results when every answer is marked.',
  },
  AWAITING_MARKING: {
    kind: 'conflict',
    meaning: 'This attempt still has answers waiting for a marker.',
    action: 'Come back once it is marked.',
  },
  ATTEMPT_OPEN: {
    kind: 'conflict',
    meaning: 'The attempt is still open; it has no result yet.',
    action: 'Submit the attempt (POST /api/exam/attempts/{attemptId}/submit), then read its result.',
  },
  ATTEMPT_TERMINATED: {
    kind: 'conflict',
    meaning: 'The attempt was terminated by the exam’s staff and has no result.',
    action: 'Contact the exam’s institution about the termination.',
  },
  RELEASE_NOT_APPLICABLE: {
    kind: 'conflict',
    meaning:
      'Only exams whose results are released after marking (resultsRelease = after_marking) are released by staff.',
    action: 'Nothing to do: this exam releases its results by its own policy (immediately or at its date).',
  },
  MARKING_UNFINISHED: {
    kind: 'conflict',
    meaning:
      'Some attempts of the exam still wait for a marker; results cannot be released before they are marked.',
    action: 'Finish marking (count in details), then release the results.',
  },
  REVIEW_NOT_ALLOWED: {
    kind: 'forbidden',
    meaning: 'This exam does not let candidates review their answers.',
    action: 'Ask the exam’s institution if you want to see your marked paper.',
  },
});

export class ResultNotFoundError extends DomainError {
  constructor() {
    super(ResultErrorCode.NOT_FOUND);
  }
}

export class ResultsNotReleasedYetError extends DomainError {
  constructor(availableAt: Date) {
    super(
      ResultErrorCode.NOT_RELEASED_YET,
      `The results of this exam are released at ${availableAt.toISOString()}; come back then.`,
      [{ field: 'availableAt', reason: availableAt.toISOString() }],
    );
  }
}

export class ResultsAwaitingStaffReleaseError extends DomainError {
  constructor() {
    super(ResultErrorCode.AWAITING_STAFF_RELEASE);
  }
}

export class AttemptAwaitingMarkingError extends DomainError {
  constructor() {
    super(ResultErrorCode.AWAITING_MARKING);
  }
}

export class ReviewNotAllowedError extends DomainError {
  constructor() {
    super(ResultErrorCode.REVIEW_NOT_ALLOWED);
  }
}

export class AttemptStillOpenError extends DomainError {
  constructor() {
    super(ResultErrorCode.ATTEMPT_OPEN);
  }
}

export class AttemptTerminatedError extends DomainError {
  constructor() {
    super(ResultErrorCode.ATTEMPT_TERMINATED);
  }
}

export class ReleaseNotApplicableError extends DomainError {
  constructor(policy: string) {
    super(
      ResultErrorCode.RELEASE_NOT_APPLICABLE,
      `This exam releases its results ${policy === 'at_date' ? 'at its release date' : 'as soon as each attempt is graded'}; staff do not release them.`,
      [{ field: 'resultsRelease', reason: policy }],
    );
  }
}

export class MarkingUnfinishedError extends DomainError {
  constructor(count: number) {
    super(
      ResultErrorCode.MARKING_UNFINISHED,
      `${count} attempt(s) still wait for a marker; mark them, then release the results.`,
      [{ field: 'awaitingMarking', reason: String(count) }],
    );
  }
}
