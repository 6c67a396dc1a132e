import { defineErrorCodes, DomainError } from '@exam/platform';

export const ProductErrorCode = defineErrorCodes('PRODUCT', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No product with this id is listed by this institution.',
    action: 'List the institution’s products and pick one.',
  },
  NOT_LISTED: {
    kind: 'conflict',
    meaning: 'The product is no longer sold.',
    action: 'Choose a product the institution lists now.',
  },
});

export class ProductNotFoundError extends DomainError {
  constructor() {
    super(ProductErrorCode.NOT_FOUND);
  }
}

export class ProductNotListedError extends DomainError {
  constructor() {
    super(ProductErrorCode.NOT_LISTED);
  }
}
