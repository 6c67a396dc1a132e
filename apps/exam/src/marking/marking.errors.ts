import { defineErrorCodes, DomainError, type ErrorDetail } from '@exam/platform';

export const MarkingErrorCode = defineErrorCodes('MARKING', {
  QUESTION_NOT_MARKED: {
    kind: 'not_found',
    meaning: 'No answer to this question of this exam waits for or went through marking.',
    action: 'List the questions to mark (GET …/exams/{examId}/marking/questions) and pick one.',
  },
  SCRIPT_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No script of this exam has this id for this question.',
    action:
      'Fetch a batch of the question (POST …/marking/questions/{questionId}/batch) and mark its scripts.',
  },
  MARK_INVALID: {
    kind: 'invalid',
    meaning: 'The mark is not one this question can take.',
    action: 'Give a mark from 0 to the question’s maxMark, a multiple of the exam’s step (see details).',
  },
  ALREADY_MARKED: {
    kind: 'conflict',
    meaning: 'You already marked this script’s answer; one marker marks an answer once.',
    action: 'Fetch the next batch; another marker gives the second or reconciling mark.',
  },
  CLAIMED_BY_OTHER: {
    kind: 'conflict',
    meaning: 'Another marker holds this script’s answer right now.',
    action:
      'Fetch your own batch (POST …/marking/questions/{questionId}/batch) and mark the scripts it gives you.',
  },
  ALREADY_COMPLETE: {
    kind: 'conflict',
    meaning: 'Marking of this answer is finished.',
    action: 'An org_admin can change the final mark (PUT …/scripts/{scriptId}/final-mark) with a reason.',
  },
  NOT_COMPLETE: {
    kind: 'conflict',
    meaning: 'This answer has no final mark yet, so there is nothing to remark.',
    action: 'Let the markers finish it through the queue.',
  },
  ATTEMPT_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No attempt of this exam has this id.',
    action: 'Check the exam and attempt ids.',
  },
  EXAM_NOT_PUBLISHED: {
    kind: 'conflict',
    meaning: 'The exam has no frozen paper yet, so its key cannot change.',
    action: 'Change the questions in the bank before publishing; after publishing, change the key here.',
  },
  QUESTION_NOT_IN_EXAM: {
    kind: 'not_found',
    meaning: 'The question is not part of this exam’s frozen paper.',
    action: 'Pick a question of the exam’s paper.',
  },
  KEY_CHANGE_INVALID: {
    kind: 'invalid',
    meaning: 'The key change does not fit the question.',
    action: 'Correct the fields listed in details.',
  },
});

export class QuestionNotMarkedError extends DomainError {
  constructor() {
    super(MarkingErrorCode.QUESTION_NOT_MARKED);
  }
}

export class ScriptNotFoundError extends DomainError {
  constructor() {
    super(MarkingErrorCode.SCRIPT_NOT_FOUND);
  }
}

export class MarkInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      MarkingErrorCode.MARK_INVALID,
      `The mark cannot be given: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}

export class AlreadyMarkedError extends DomainError {
  constructor() {
    super(MarkingErrorCode.ALREADY_MARKED);
  }
}

export class ClaimedByOtherError extends DomainError {
  constructor(until: Date) {
    super(
      MarkingErrorCode.CLAIMED_BY_OTHER,
      `Another marker holds this answer until ${until.toISOString()}; fetch your own batch and mark its scripts.`,
      [{ field: 'claimExpiresAt', reason: until.toISOString() }],
    );
  }
}

export class MarkingCompleteError extends DomainError {
  constructor() {
    super(MarkingErrorCode.ALREADY_COMPLETE);
  }
}

export class MarkingNotCompleteError extends DomainError {
  constructor() {
    super(MarkingErrorCode.NOT_COMPLETE);
  }
}

export class MarkedAttemptNotFoundError extends DomainError {
  constructor() {
    super(MarkingErrorCode.ATTEMPT_NOT_FOUND);
  }
}

export class ExamNotPublishedError extends DomainError {
  constructor() {
    super(MarkingErrorCode.EXAM_NOT_PUBLISHED);
  }
}

export class QuestionNotInExamError extends DomainError {
  constructor() {
    super(MarkingErrorCode.QUESTION_NOT_IN_EXAM);
  }
}

export class KeyChangeInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      MarkingErrorCode.KEY_CHANGE_INVALID,
      `The key cannot change so: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}
