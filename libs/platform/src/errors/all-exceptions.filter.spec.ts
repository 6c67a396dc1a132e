import { type ArgumentsHost, BadRequestException, HttpException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { QueryFailedError } from 'typeorm';

import { AllExceptionsFilter } from './all-exceptions.filter';
import type { ErrorBody } from './error-body';

interface Sent {
  status?: number;
  body?: ErrorBody;
  headers?: Map<string, string>;
}

function hostFor(sent: Sent, preset: Record<string, string> = {}): ArgumentsHost {
  const headers = new Map(Object.entries(preset));
  sent.headers = headers;
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      headers.set(name, value);
      return reply;
    },
    removeHeader(name: string) {
      headers.delete(name);
      return reply;
    },
    send(body: ErrorBody) {
      sent.body = body;
      return reply;
    },
  };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}

describe(AllExceptionsFilter.name, () => {
  const sut = new AllExceptionsFilter();

  it('should answer a deadlock that outlived its retries with 503 SERVICE.BUSY, not a 500', () => {
    const sent: Sent = {};
    const deadlock = new QueryFailedError(
      'UPDATE sessions …',
      [],
      Object.assign(new Error('Deadlock found'), { errno: 1213 }),
    );

    sut.catch(deadlock, hostFor(sent));

    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ statusCode: 503, code: 'SERVICE.BUSY' });
    expect(sent.body?.message).not.toContain('UPDATE');
  });

  it('should answer an error of a CSV download route as a JSON error body, not as the download', () => {
    const sent: Sent = {};
    const preset = {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit-log.csv"',
    };

    sut.catch(new BadRequestException(['limit must not be greater than 1000']), hostFor(sent, preset));

    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      statusCode: 400,
      code: 'REQUEST.MALFORMED',
      message: 'limit must not be greater than 1000',
    });
    expect(sent.headers?.get('content-type')).toBe('application/json; charset=utf-8');
    expect(sent.headers?.has('content-disposition')).toBe(false);
  });

  it('should tell a client that sent a form or other non-JSON body what to send instead (415)', () => {
    // Fastify's own error, and the HttpException Nest's router turns it into before the filter sees it.
    const fastifyError = new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE();
    for (const error of [fastifyError, new HttpException(fastifyError.message, 415)]) {
      const sent: Sent = {};

      sut.catch(error, hostFor(sent));

      expect(sent.status).toBe(415);
      expect(sent.body).toMatchObject({ statusCode: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
      expect(sent.body?.message).toContain('Content-Type: application/json');
    }
  });

  it('should keep other database errors a 500 without internals', () => {
    const sent: Sent = {};

    sut.catch(new QueryFailedError('SELECT secret FROM t', [], new Error('boom')), hostFor(sent));

    expect(sent.body).toMatchObject({ statusCode: 500, code: 'INTERNAL.UNEXPECTED' });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });
});
