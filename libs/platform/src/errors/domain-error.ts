/**
 * What kind of failure a domain error is; the exception filter maps each kind to one HTTP status.
 * Codes (`AREA.REASON`) are stable across process boundaries, unlike `instanceof`.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'unprocessable'
  | 'too_many'
  | 'unavailable'
  | 'internal';

export interface ErrorDetail {
  readonly field?: string;
  readonly reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RequestValidationError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    const summary = details.map((d) => (d.field ? `${d.field}: ${d.reason}` : d.reason)).join('; ');
    super('REQUEST.INVALID', 'invalid', `Invalid request. ${summary}`, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'not_found', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'AUTH.FORBIDDEN', message = 'You are not allowed to do this.') {
    super(code, 'forbidden', message);
  }
}
