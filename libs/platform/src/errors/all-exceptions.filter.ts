import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';

import { currentTraceId } from '../context/request-context';
import { isDeadlock } from '../database/deadlock-retry';
import { DomainError } from './domain-error';
import type { ErrorBody } from './error-body';
import { statusOf } from './error-status';
import { AuthErrorCode, InternalErrorCode, RequestErrorCode, ServiceErrorCode } from './platform.error-codes';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  removeHeader(name: string): ReplyLike;
  send(body: unknown): unknown;
}

/** Headers a route may have set for its success (`@Header`) that must not describe an error body. */
const SUCCESS_ONLY_HEADERS = ['content-disposition', 'content-length'] as const;

const HTTP_CODES: Readonly<Record<number, string>> = {
  400: RequestErrorCode.MALFORMED.code,
  401: AuthErrorCode.UNAUTHENTICATED.code,
  403: AuthErrorCode.FORBIDDEN.code,
  404: RequestErrorCode.NOT_FOUND.code,
  405: RequestErrorCode.METHOD_NOT_ALLOWED.code,
  413: RequestErrorCode.TOO_LARGE.code,
  415: RequestErrorCode.UNSUPPORTED_MEDIA_TYPE.code,
  429: RequestErrorCode.RATE_LIMITED.code,
};

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ');
  return exception.message;
}

/**
 * The message of a client error, with the framework's bare ones made actionable. Nest hands Fastify's own
 * errors (an unparseable body type) over as HttpExceptions, so both branches of the filter come through here.
 */
function clientMessage(status: number, message: string): string {
  if (status === 415)
    return 'This request body is not JSON: send it with Content-Type: application/json (or send no body).';
  return message;
}

/** Errors thrown by the HTTP framework itself (bad JSON, body too large) carry a 4xx statusCode. */
function frameworkClientError(exception: unknown): { status: number; message: string } | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { statusCode, message } = exception as { statusCode?: unknown; message?: unknown };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, message: typeof message === 'string' ? message : 'Bad request' };
  }
  return undefined;
}

/**
 * Maps every error to the one error body. Domain errors by kind; client errors keep their 4xx;
 * anything else is a 500 with a correlation id and nothing about its internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const correlationId = currentTraceId();
    const body = this.toBody(exception, correlationId);
    // A route that answers CSV or a download has set its content type already: the error body is JSON whatever the
    // route meant to send (with text/csv still set, sending it failed and turned every 4xx of such a route into a 500).
    for (const name of SUCCESS_ONLY_HEADERS) reply.removeHeader(name);
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('x-request-id', correlationId)
      .status(body.statusCode)
      .send(body);
  }

  private toBody(exception: unknown, correlationId: string): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode: number = statusOf(exception.kind);
      if (statusCode >= 500) this.logger.error(`${exception.code}: ${exception.message}`);
      return {
        statusCode,
        code: exception.code,
        message: exception.message,
        ...(exception.details.length > 0 ? { details: exception.details } : {}),
        correlationId,
      };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const statusCode = exception.getStatus();
      return {
        statusCode,
        code: HTTP_CODES[statusCode] ?? RequestErrorCode.REJECTED.code,
        message: clientMessage(statusCode, httpExceptionMessage(exception)),
        correlationId,
      };
    }
    const clientError = frameworkClientError(exception);
    if (clientError) {
      return {
        statusCode: clientError.status,
        code: HTTP_CODES[clientError.status] ?? RequestErrorCode.REJECTED.code,
        message: clientMessage(clientError.status, clientError.message),
        correlationId,
      };
    }
    if (isDeadlock(exception)) {
      // Still a deadlock victim after the retries a flow does: nothing was written; the client may simply retry.
      this.logger.warn(`Deadlock answered as 503 (correlationId ${correlationId})`);
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: ServiceErrorCode.BUSY.code,
        message: 'A conflicting change was being saved at the same moment; nothing was changed. Try again.',
        correlationId,
      };
    }
    const name = exception instanceof Error ? exception.name : typeof exception;
    this.logger.error(
      `Unhandled ${name} (correlationId ${correlationId})`,
      exception instanceof Error ? exception.stack : undefined,
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: InternalErrorCode.UNEXPECTED.code,
      message: `Something went wrong on our side. Quote correlation id ${correlationId} if you contact support.`,
      correlationId,
    };
  }
}
