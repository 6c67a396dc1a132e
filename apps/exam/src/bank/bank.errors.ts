import { defineErrorCodes, DomainError, type ErrorDetail } from '@exam/platform';

export const BankErrorCode = defineErrorCodes('BANK', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'Your institution has no question bank with this id.',
    action: 'List the banks of your institution and pick one.',
  },
  CATEGORY_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'This bank has no category with this id.',
    action: 'List the bank’s categories and pick one.',
  },
  CATEGORY_CYCLE: {
    kind: 'conflict',
    meaning: 'A category cannot be moved under itself or one of its descendants.',
    action: 'Choose a parent outside the category’s own subtree.',
  },
  CATEGORY_EXISTS: {
    kind: 'conflict',
    meaning: 'The parent category (or the top level) already has a category with this name.',
    action: 'Choose another name, or use the existing category.',
  },
  CATEGORY_NOT_EMPTY: {
    kind: 'conflict',
    meaning: 'The category still has sub-categories or questions.',
    action: 'Move or delete its sub-categories and questions first.',
  },
  TAG_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'This bank has no tag with this id.',
    action: 'List the bank’s tags and pick one.',
  },
  TAG_EXISTS: {
    kind: 'conflict',
    meaning: 'This bank already has a tag with this name.',
    action: 'Use the existing tag.',
  },
  NOT_EMPTY: {
    kind: 'conflict',
    meaning: 'The bank still holds questions or is used by papers.',
    action: 'Delete its questions and papers first.',
  },
  QUESTION_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'This bank has no question with this id.',
    action: 'List the bank’s questions and pick one.',
  },
  QUESTION_INVALID: {
    kind: 'invalid',
    meaning: 'The question breaks the rules of its type.',
    action: 'Correct the fields listed in details and send again.',
  },
  QUESTION_IN_USE: {
    kind: 'conflict',
    meaning: 'A published exam uses this question, so it cannot be deleted.',
    action: 'Edit it instead (a new version is made; the exam keeps the one it was published with).',
  },
  QUESTION_VERSION_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'The question has no such version.',
    action: 'List the question’s versions.',
  },
});

export class BankNotFoundError extends DomainError {
  constructor() {
    super(BankErrorCode.NOT_FOUND);
  }
}

export class CategoryNotFoundError extends DomainError {
  constructor(field = 'categoryId') {
    super(BankErrorCode.CATEGORY_NOT_FOUND, undefined, [{ field, reason: 'no such category in this bank' }]);
  }
}

export class CategoryCycleError extends DomainError {
  constructor() {
    super(BankErrorCode.CATEGORY_CYCLE, undefined, [{ field: 'parentId', reason: 'would create a cycle' }]);
  }
}

export class CategoryExistsError extends DomainError {
  constructor() {
    super(BankErrorCode.CATEGORY_EXISTS, undefined, [
      { field: 'name', reason: 'a sibling category already has this name' },
    ]);
  }
}

export class CategoryNotEmptyError extends DomainError {
  constructor() {
    super(BankErrorCode.CATEGORY_NOT_EMPTY);
  }
}

export class TagNotFoundError extends DomainError {
  constructor() {
    super(BankErrorCode.TAG_NOT_FOUND);
  }
}

export class TagExistsError extends DomainError {
  constructor() {
    super(BankErrorCode.TAG_EXISTS, undefined, [{ field: 'name', reason: 'already exists in this bank' }]);
  }
}

export class BankNotEmptyError extends DomainError {
  constructor() {
    super(BankErrorCode.NOT_EMPTY);
  }
}

export class QuestionNotFoundError extends DomainError {
  constructor() {
    super(BankErrorCode.QUESTION_NOT_FOUND);
  }
}

export class QuestionInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      BankErrorCode.QUESTION_INVALID,
      `The question breaks the rules of its type: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}

export class QuestionInUseError extends DomainError {
  constructor() {
    super(BankErrorCode.QUESTION_IN_USE);
  }
}

export class QuestionVersionNotFoundError extends DomainError {
  constructor() {
    super(BankErrorCode.QUESTION_VERSION_NOT_FOUND);
  }
}
