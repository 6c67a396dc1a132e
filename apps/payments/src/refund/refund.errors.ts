import { defineErrorCodes, DomainError } from '@exam/platform';

export const RefundErrorCode = defineErrorCodes('REFUND', {
  NOT_REFUNDABLE: {
    kind: 'conflict',
    meaning: 'Only a paid (or partly refunded) order can be refunded.',
    action: 'Check the order’s status: a pending order can be cancelled instead, a refunded one is settled.',
  },
  EXCEEDS_PAID: {
    kind: 'unprocessable',
    meaning: 'The refund is more than what is left to refund on this order.',
    action: 'Refund at most the order’s refundableFen (paid minus refunded and in-progress refunds).',
  },
  IDEMPOTENCY_CONFLICT: {
    kind: 'conflict',
    meaning: 'This idempotency key was already used for a refund with another amount on this order.',
    action: 'Repeat the same request to get the same refund, or use a fresh key for a new refund.',
  },
});

export class RefundNotRefundableError extends DomainError {
  constructor() {
    super(RefundErrorCode.NOT_REFUNDABLE);
  }
}

export class RefundExceedsPaidError extends DomainError {
  constructor(refundableFen: number) {
    super(RefundErrorCode.EXCEEDS_PAID, `At most ${refundableFen} fen can still be refunded on this order.`);
  }
}

export class RefundIdempotencyConflictError extends DomainError {
  constructor() {
    super(RefundErrorCode.IDEMPOTENCY_CONFLICT);
  }
}

export const RefundApprovalErrorCode = defineErrorCodes('REFUND_APPROVAL', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No refund of this institution has this id.',
    action: 'List the refunds awaiting approval and pick one.',
  },
  OWN_REQUEST: {
    kind: 'forbidden',
    meaning: 'A refund is approved or rejected by an org_admin other than the one who requested it.',
    action: 'Ask another org_admin of the institution to decide on it.',
  },
  ALREADY_DECIDED: {
    kind: 'conflict',
    meaning: 'The refund was already decided the other way (approved or rejected) by another org_admin.',
    action: 'Reload the refund to see the decision, who took it and why.',
  },
  NOT_AWAITING_APPROVAL: {
    kind: 'conflict',
    meaning: 'This refund did not need approval: it went to the provider when it was requested.',
    action: 'Nothing to decide; follow the refund on its order.',
  },
});

export class RefundApprovalNotFoundError extends DomainError {
  constructor() {
    super(RefundApprovalErrorCode.NOT_FOUND);
  }
}

export class RefundOwnRequestError extends DomainError {
  constructor() {
    super(
      RefundApprovalErrorCode.OWN_REQUEST,
      'You requested this refund: another org_admin must decide on it.',
    );
  }
}

export class RefundAlreadyDecidedError extends DomainError {
  constructor(status: string) {
    super(
      RefundApprovalErrorCode.ALREADY_DECIDED,
      `The refund was already ${status === 'rejected' ? 'rejected' : 'approved'} by another org_admin.`,
    );
  }
}

export class RefundNotAwaitingApprovalError extends DomainError {
  constructor() {
    super(RefundApprovalErrorCode.NOT_AWAITING_APPROVAL);
  }
}
