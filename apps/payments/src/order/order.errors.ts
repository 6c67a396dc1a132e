import { defineErrorCodes, DomainError } from '@exam/platform';

export const OrderErrorCode = defineErrorCodes('ORDER', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No order with this id is visible to you.',
    action: 'List your orders (GET /api/payments/me/orders) and pick one.',
  },
  NOT_PAYABLE: {
    kind: 'conflict',
    meaning: 'The order is not waiting for payment: it is paid, cancelled or expired.',
    action: 'See the order’s status; place a new order if it expired or was cancelled.',
  },
  EXPIRED: {
    kind: 'gone',
    meaning: 'The order’s payment time is over; it can no longer be paid.',
    action: 'Place a new order.',
  },
  NOT_CANCELLABLE: {
    kind: 'conflict',
    meaning:
      'Only a pending product order can be cancelled: a paid order is refunded instead, and an exam fee ends with its registration.',
    action: 'Ask the institution for a refund of a paid order, or cancel the exam registration.',
  },
  IDEMPOTENCY_CONFLICT: {
    kind: 'conflict',
    meaning: 'This idempotency key was already used for a different order.',
    action:
      'Use a fresh idempotency key for a different order; repeat the same request to get the same order.',
  },
  SHIPPING_CONTACT_REQUIRED: {
    kind: 'invalid',
    meaning: 'This product is shipped, so the order needs a delivery contact.',
    action: 'Send contact.name, contact.phone and contact.address.',
  },
  PROVIDER_NOT_OFFERED: {
    kind: 'invalid',
    meaning: 'This payment provider or method is not offered here.',
    action: 'Pay with provider "wechat" (method "native") or "alipay" (method "precreate" or "page").',
  },
  REGISTRATION_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No exam registration of yours with a fee has this id.',
    action: 'Check the registration id in your registrations (GET /api/exam/me/registrations).',
  },
  REGISTRATION_CLOSED: {
    kind: 'conflict',
    meaning: 'The registration was cancelled or rejected, so its fee can no longer be paid.',
    action: 'Register for the exam again if registration is still open.',
  },
  ALREADY_PENDING: {
    kind: 'conflict',
    meaning: 'The registration already has an order waiting for payment.',
    action: 'Pay that order (its id is in the details) before it expires.',
  },
  ALREADY_PAID: {
    kind: 'conflict',
    meaning: 'The registration’s fee is already paid; no new order is needed.',
    action: 'See the paid order (its id is in the details) in your orders.',
  },
  PROVIDER_UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The payment provider could not be reached or refused the request.',
    action: 'Try again in a moment, or pay with the other provider.',
  },
});

export class OrderNotFoundError extends DomainError {
  constructor() {
    super(OrderErrorCode.NOT_FOUND);
  }
}

export class OrderNotPayableError extends DomainError {
  constructor(status: string) {
    super(OrderErrorCode.NOT_PAYABLE, `The order is ${status} and cannot be paid.`);
  }
}

export class OrderExpiredError extends DomainError {
  constructor() {
    super(OrderErrorCode.EXPIRED);
  }
}

export class OrderNotCancellableError extends DomainError {
  constructor() {
    super(OrderErrorCode.NOT_CANCELLABLE);
  }
}

export class OrderIdempotencyConflictError extends DomainError {
  constructor() {
    super(OrderErrorCode.IDEMPOTENCY_CONFLICT);
  }
}

export class ShippingContactRequiredError extends DomainError {
  constructor() {
    super(OrderErrorCode.SHIPPING_CONTACT_REQUIRED);
  }
}

export class ProviderNotOfferedError extends DomainError {
  constructor() {
    super(OrderErrorCode.PROVIDER_NOT_OFFERED);
  }
}

export class ProviderUnavailableError extends DomainError {
  constructor() {
    super(OrderErrorCode.PROVIDER_UNAVAILABLE);
  }
}

export class RegistrationNotFoundError extends DomainError {
  constructor() {
    super(OrderErrorCode.REGISTRATION_NOT_FOUND);
  }
}

export class RegistrationClosedError extends DomainError {
  constructor() {
    super(OrderErrorCode.REGISTRATION_CLOSED);
  }
}

export class OrderAlreadyPendingError extends DomainError {
  constructor(orderId: string) {
    super(
      OrderErrorCode.ALREADY_PENDING,
      `Order ${orderId} of this registration is waiting for payment: pay it before it expires.`,
      [{ field: 'orderId', reason: orderId }],
    );
  }
}

export class OrderAlreadyPaidError extends DomainError {
  constructor(orderId: string) {
    super(
      OrderErrorCode.ALREADY_PAID,
      `Order ${orderId} already paid this registration’s fee; no new order is needed.`,
      [{ field: 'orderId', reason: orderId }],
    );
  }
}
