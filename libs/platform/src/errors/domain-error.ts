import type { ErrorCode, ErrorKind } from './error-codes';
import { AuthErrorCode, RequestErrorCode } from './platform.error-codes';

export interface ErrorDetail {
  readonly field?: string;
  readonly reason: string;
}

/**
 * The base of every domain error. Subclasses live in `<feature>.errors.ts` and take their code from the
 * area's table (`defineErrorCodes`); the message tells the person what to do and defaults to the code's
 * meaning and action.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: readonly ErrorDetail[];

  constructor(errorCode: ErrorCode, message?: string, details?: readonly ErrorDetail[]);
  /** Transitional form, removed once every service declares its codes with `defineErrorCodes` (issue 11). */
  constructor(code: string, kind: ErrorKind, message: string, details?: readonly ErrorDetail[]);
  constructor(
    errorCode: ErrorCode | string,
    second?: string,
    third?: string | readonly ErrorDetail[],
    fourth: readonly ErrorDetail[] = [],
  ) {
    if (typeof errorCode === 'string') {
      super(typeof third === 'string' ? third : errorCode);
      this.code = errorCode;
      this.kind = second as ErrorKind;
      this.details = fourth;
    } else {
      super(second ?? `${errorCode.meaning} ${errorCode.action}`);
      this.code = errorCode.code;
      this.kind = errorCode.kind;
      this.details = Array.isArray(third) ? (third as readonly ErrorDetail[]) : [];
    }
    this.name = new.target.name;
  }
}

export class RequestValidationError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    const summary = details.map((d) => (d.field ? `${d.field}: ${d.reason}` : d.reason)).join('; ');
    super(RequestErrorCode.INVALID, `Invalid request. ${summary}`, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: ErrorCode = AuthErrorCode.FORBIDDEN, message = 'You are not allowed to do this.') {
    super(code, message);
  }
}

/** Transitional (issue 11): services declare their not-found codes in their own tables instead. */
export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'not_found', message);
  }
}
