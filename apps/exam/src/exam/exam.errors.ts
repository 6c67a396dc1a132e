import { defineErrorCodes, DomainError, type ErrorDetail } from '@exam/platform';

export const ExamErrorCode = defineErrorCodes('EXAM', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No exam with this id is visible to you.',
    action: 'List the exams and pick one.',
  },
  SETTINGS_INVALID: {
    kind: 'invalid',
    meaning: 'The exam’s times or settings do not agree with each other.',
    action: 'Correct the fields listed in details.',
  },
  LOCKED_AFTER_PUBLISH: {
    kind: 'conflict',
    meaning:
      'A published exam keeps its paper, schedule and rules for the candidates who registered; these fields can no longer change.',
    action:
      'After publishing only title, notice, venue, a larger capacity, a later registration deadline (not past opensAt) and a later closing time may change. To change more, close this exam and create a new one.',
  },
  NOT_EDITABLE: {
    kind: 'conflict',
    meaning: 'Closed and archived exams cannot be changed.',
    action: 'Create a new exam.',
  },
  WRONG_STATE: {
    kind: 'conflict',
    meaning: 'The exam is not in the state this step needs (draft → published → closed → archived).',
    action: 'Read the exam’s status and take the next step of its life cycle.',
  },
  CAPACITY_BELOW_REGISTERED: {
    kind: 'conflict',
    meaning: 'The capacity would be smaller than the seats already taken.',
    action: 'Choose a capacity at least as large as the number of registrations holding a seat.',
  },
});

export class ExamNotFoundError extends DomainError {
  constructor() {
    super(ExamErrorCode.NOT_FOUND);
  }
}

export class ExamSettingsInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      ExamErrorCode.SETTINGS_INVALID,
      `The exam's settings do not agree: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}

export class ExamLockedAfterPublishError extends DomainError {
  constructor(fields: readonly string[]) {
    super(
      ExamErrorCode.LOCKED_AFTER_PUBLISH,
      `The exam is published: ${fields.join(', ')} can no longer change, candidates registered under them. ${ExamErrorCode.LOCKED_AFTER_PUBLISH.action}`,
      fields.map((field) => ({ field, reason: 'fixed once the exam is published' })),
    );
  }
}

export class ExamNotEditableError extends DomainError {
  constructor() {
    super(ExamErrorCode.NOT_EDITABLE);
  }
}

export class ExamWrongStateError extends DomainError {
  constructor(status: string, needed: string) {
    super(ExamErrorCode.WRONG_STATE, `The exam is ${status}; this step needs it ${needed}.`);
  }
}

export class CapacityBelowRegisteredError extends DomainError {
  constructor(taken: number) {
    super(
      ExamErrorCode.CAPACITY_BELOW_REGISTERED,
      `${taken} seats are taken; the capacity cannot be lower.`,
      [{ field: 'capacity', reason: `must be at least ${taken}` }],
    );
  }
}
