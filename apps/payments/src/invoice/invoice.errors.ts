import { defineErrorCodes, DomainError } from '@exam/platform';

export const InvoiceErrorCode = defineErrorCodes('INVOICE', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No invoice request with this id is visible to you.',
    action: 'List your invoice requests (GET /api/payments/me/invoices) and pick one.',
  },
  ORDER_NOT_INVOICEABLE: {
    kind: 'conflict',
    meaning: 'Only a paid (or partly refunded) order with money left on it can be invoiced.',
    action: 'Pay the order first; a fully refunded order has nothing left to invoice.',
  },
  ALREADY_REQUESTED: {
    kind: 'conflict',
    meaning: 'This order already has an open or issued invoice request.',
    action:
      'Follow the existing request (its id is in the details); cancel it first if it is not issued yet and its details were wrong.',
  },
  IDEMPOTENCY_CONFLICT: {
    kind: 'conflict',
    meaning: 'This idempotency key was already used for an invoice request on another order.',
    action: 'Use a fresh idempotency key for another order; repeat the same request to get the same one.',
  },
  INVALID_TAX_ID: {
    kind: 'invalid',
    meaning: 'The tax id is not a valid 统一社会信用代码 (18 characters with a check character).',
    action: 'Copy the code from the company’s business licence; the details say what is wrong.',
  },
  TAX_ID_MISMATCH: {
    kind: 'invalid',
    meaning: 'A company title needs the company’s tax id; a personal title has none.',
    action: 'Send taxId with titleType "company" only.',
  },
  NOT_PENDING: {
    kind: 'conflict',
    meaning: 'The request is no longer waiting: it was issued, rejected or cancelled.',
    action: 'See its status; an issued invoice is reversed by the institution, not cancelled.',
  },
  INVALID_PDF: {
    kind: 'invalid',
    meaning: 'The attachment is not an acceptable PDF.',
    action:
      'Upload the invoice as a PDF file (starting with %PDF-, complete, at most 512 kB), base64-encoded.',
  },
  FILE_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'This invoice has no PDF: it is not issued yet.',
    action: 'Wait until the institution issues the invoice.',
  },
  ISSUE_DATE_INVALID: {
    kind: 'invalid',
    meaning: 'The issue date is in the future or before the order was paid.',
    action: 'Send the date printed on the invoice (YYYY-MM-DD).',
  },
  NO_REVERSAL_REQUIRED: {
    kind: 'conflict',
    meaning: 'This invoice does not need a red-letter (红字) reversal.',
    action: 'Only invoices flagged reversal "required" (after a refund) can be marked reversed.',
  },
});

export class InvoiceNotFoundError extends DomainError {
  constructor() {
    super(InvoiceErrorCode.NOT_FOUND);
  }
}

export class OrderNotInvoiceableError extends DomainError {
  constructor(status: string) {
    super(
      InvoiceErrorCode.ORDER_NOT_INVOICEABLE,
      `The order is ${status} with nothing left to invoice; only a paid order can be invoiced.`,
    );
  }
}

export class InvoiceAlreadyRequestedError extends DomainError {
  constructor(invoiceId: string, status: string) {
    super(
      InvoiceErrorCode.ALREADY_REQUESTED,
      `This order already has invoice request ${invoiceId} (${status}); follow it, or cancel it first if it is not issued yet.`,
      [{ field: 'invoiceId', reason: invoiceId }],
    );
  }
}

export class InvoiceIdempotencyConflictError extends DomainError {
  constructor() {
    super(InvoiceErrorCode.IDEMPOTENCY_CONFLICT);
  }
}

export class InvalidTaxIdError extends DomainError {
  constructor(reason: string) {
    super(InvoiceErrorCode.INVALID_TAX_ID, `taxId: ${reason}`, [{ field: 'taxId', reason }]);
  }
}

export class TaxIdMismatchError extends DomainError {
  constructor(titleType: string) {
    super(
      InvoiceErrorCode.TAX_ID_MISMATCH,
      titleType === 'company'
        ? 'A company title needs its 统一社会信用代码 in taxId.'
        : 'A personal title has no tax id: leave taxId out.',
      [{ field: 'taxId', reason: titleType === 'company' ? 'required' : 'not allowed' }],
    );
  }
}

export class InvoiceNotPendingError extends DomainError {
  constructor(status: string) {
    super(InvoiceErrorCode.NOT_PENDING, `The invoice request is ${status}, no longer waiting.`);
  }
}

export class InvalidInvoicePdfError extends DomainError {
  constructor(reason: string) {
    super(InvoiceErrorCode.INVALID_PDF, `pdfBase64: ${reason}`, [{ field: 'pdfBase64', reason }]);
  }
}

export class InvoiceFileNotFoundError extends DomainError {
  constructor() {
    super(InvoiceErrorCode.FILE_NOT_FOUND);
  }
}

export class NoReversalRequiredError extends DomainError {
  constructor() {
    super(InvoiceErrorCode.NO_REVERSAL_REQUIRED);
  }
}

export class IssueDateInvalidError extends DomainError {
  constructor(reason: string) {
    super(InvoiceErrorCode.ISSUE_DATE_INVALID, `issuedOn: ${reason}`, [{ field: 'issuedOn', reason }]);
  }
}
