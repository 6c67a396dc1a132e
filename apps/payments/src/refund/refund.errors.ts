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
