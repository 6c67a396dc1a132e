/** The platform's one error body (docs/api/errors.md): branch on `code`, never on `message`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

/** A refused or failed API call, with what the server said (or `NETWORK.OFFLINE` when it never answered). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request never got an answer: no connection, DNS, a dropped socket. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  static fromBody(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) {
      return new ApiError(status, body.code, body.message, body.details, body.correlationId);
    }
    return new ApiError(status, status >= 500 ? 'INTERNAL.UNEXPECTED' : 'REQUEST.REJECTED', `HTTP ${status}`);
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'NETWORK.OFFLINE', 'The server could not be reached.');
    error.cause = cause;
    return error;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ErrorBody).code === 'string' &&
    typeof (body as ErrorBody).message === 'string'
  );
}

/** The failing fields of a `REQUEST.INVALID`, as `{ field: message }` for a form. */
export function fieldErrorsOf(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(error.details)) return out;
  for (const entry of error.details as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, reason } = entry as { field?: unknown; reason?: unknown };
    if (typeof field === 'string' && typeof reason === 'string') out[field] = reason;
  }
  return out;
}
