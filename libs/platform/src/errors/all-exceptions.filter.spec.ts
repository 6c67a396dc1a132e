import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import type { ErrorBody } from './error-body';

interface Sent {
  status?: number;
  body?: ErrorBody;
}

function hostFor(sent: Sent): ArgumentsHost {
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header() {
      return reply;
    },
    send(body: ErrorBody) {
      sent.body = body;
      return reply;
    },
  };
  return { getType: () => 'http', switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
}

describe(AllExceptionsFilter.name, () => {
  const sut = new AllExceptionsFilter();

  it('should answer a deadlock that outlived its retries with 503 SERVICE.BUSY, not a 500', () => {
    const sent: Sent = {};
    const deadlock = new QueryFailedError('UPDATE sessions …', [], Object.assign(new Error('Deadlock found'), { errno: 1213 }));

    sut.catch(deadlock, hostFor(sent));

    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ statusCode: 503, code: 'SERVICE.BUSY' });
    expect(sent.body?.message).not.toContain('UPDATE');
  });

  it('should keep other database errors a 500 without internals', () => {
    const sent: Sent = {};

    sut.catch(new QueryFailedError('SELECT secret FROM t', [], new Error('boom')), hostFor(sent));

    expect(sent.body).toMatchObject({ statusCode: 500, code: 'INTERNAL.UNEXPECTED' });
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });
});
