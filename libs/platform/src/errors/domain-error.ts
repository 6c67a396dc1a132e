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

  constructor(
    errorCode: ErrorCode,
    message = `${errorCode.meaning} ${errorCode.action}`,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.code = errorCode.code;
    this.kind = errorCode.kind;
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
