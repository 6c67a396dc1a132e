import { defineErrorCodes, DomainError, type ErrorDetail } from '@exam/platform';

export const PaperErrorCode = defineErrorCodes('PAPER', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'Your institution has no paper with this id.',
    action: 'List your institution’s papers and pick one.',
  },
  STRUCTURE_INVALID: {
    kind: 'invalid',
    meaning: 'The paper’s sections do not fit its kind or name questions the bank does not hold.',
    action:
      'Correct the fields listed in details: fixed papers have only chosen questions, draw papers only draw rules, mixed papers may have both.',
  },
  IN_USE: {
    kind: 'conflict',
    meaning: 'An exam uses this paper, so it cannot be deleted.',
    action: 'Archive or delete the exams that use it first.',
  },
  POOL_TOO_SMALL: {
    kind: 'unprocessable',
    meaning: 'A draw rule asks for more questions than the bank holds matching its filters.',
    action:
      'Lower the rule’s count, widen its filters, or add questions to the bank; details name each rule with what it needs and what the pool has.',
  },
});

export class PaperNotFoundError extends DomainError {
  constructor() {
    super(PaperErrorCode.NOT_FOUND);
  }
}

export class PaperStructureInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(PaperErrorCode.STRUCTURE_INVALID, undefined, details);
  }
}

export class PoolTooSmallError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      PaperErrorCode.POOL_TOO_SMALL,
      `Not enough questions to draw from: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}

export class PaperInUseError extends DomainError {
  constructor() {
    super(PaperErrorCode.IN_USE);
  }
}
