import { CallHandler, Logger } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { firstValueFrom, of } from 'rxjs';

import { MaskingInterceptor } from './masking.interceptor';
import { Sensitive } from './sensitive.decorator';

const ID = '11010519491231002X';
const PHONE = '13812345678';

class CandidateDto {
  @Sensitive('name') name = '张小明';
  @Sensitive('idNumber') idNumber = ID;
  @Sensitive('phone') phone = PHONE;
  status = 'verified';
}

class CandidatesController {
  list(): void {}
}

class FakeResponse {
  readonly headers = new Map<string, string>();
  getHeader(name: string): string | undefined {
    return this.headers.get(name.toLowerCase());
  }
  header(name: string, value: string): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
}

function httpContext(request: object, response = new FakeResponse()): ExecutionContextHost {
  const context = new ExecutionContextHost(
    [request, response],
    CandidatesController,
    CandidatesController.prototype.list,
  );
  context.setType('http');
  return context;
}

function handler(body: unknown): CallHandler {
  return { handle: () => of(body) };
}

describe(MaskingInterceptor.name, () => {
  let sut: MaskingInterceptor;
  let warn: jest.SpyInstance<void, [message: unknown, ...rest: unknown[]]>;

  beforeEach(() => {
    sut = new MaskingInterceptor();
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    warn.mockRestore();
  });

  function firstWarning(): string {
    return String(warn.mock.calls[0]?.[0]);
  }

  it('should serialize an HTTP response with declared DTO fields masked, as JSON', async () => {
    const response = new FakeResponse();
    const context = httpContext({ method: 'GET', route: { path: '/candidates/:id' } }, response);

    const body = await firstValueFrom(sut.intercept(context, handler(new CandidateDto())));

    expect(JSON.parse(body as string)).toEqual({
      name: '**明',
      idNumber: '1****************X',
      phone: '138****5678',
      status: 'verified',
    });
    expect(response.getHeader('content-type')).toBe('application/json; charset=utf-8');
    expect(warn).not.toHaveBeenCalled();
  });

  it('should mask an unmasked number in a plain object and warn with method, route and field path only', async () => {
    const context = httpContext({
      method: 'GET',
      route: { path: '/candidates/:id' },
      url: `/candidates/1?q=${PHONE}`,
    });

    const body = await firstValueFrom(sut.intercept(context, handler({ data: [{ note: `call ${PHONE}` }] })));

    expect(JSON.parse(body as string)).toEqual({ data: [{ note: 'call 138****5678' }] });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(firstWarning()).toContain('MASKING.UNMASKED_VALUE');
    expect(firstWarning()).toContain('GET /candidates/:id');
    expect(firstWarning()).toContain('$.data[].note');
    expect(firstWarning()).toContain('phone');
    expect(firstWarning()).not.toContain(PHONE);
    expect(firstWarning()).not.toContain('5678');
  });

  it('should warn once per route and field, not once per response', async () => {
    const context = httpContext({ method: 'GET', route: { path: '/a' } });

    for (let i = 0; i < 3; i++) await firstValueFrom(sut.intercept(context, handler({ phone: PHONE })));

    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('should name a Fastify route pattern', async () => {
    await firstValueFrom(
      sut.intercept(
        httpContext({ method: 'POST', routeOptions: { url: '/exams/:id/register' } }),
        handler({ id: ID }),
      ),
    );

    expect(firstWarning()).toContain('POST /exams/:id/register');
  });

  it('should fall back to controller and handler names when there is no route pattern', async () => {
    await firstValueFrom(sut.intercept(httpContext({ method: 'GET' }), handler({ id: ID })));

    expect(firstWarning()).toContain('GET CandidatesController.list');
  });

  it('should mask a string body and keep it a string', async () => {
    const body = await firstValueFrom(sut.intercept(httpContext({ method: 'GET' }), handler(`id=${ID}`)));

    expect(body).toBe('id=1****************X');
  });

  it('should keep a non-JSON response an object, masked', async () => {
    const response = new FakeResponse().header('Content-Type', 'text/csv');
    const context = httpContext({ method: 'GET' }, response);

    const body = await firstValueFrom(sut.intercept(context, handler({ id: ID })));

    expect(body).toEqual({ id: '1****************X' });
    expect(response.getHeader('content-type')).toBe('text/csv');
  });

  it.each([null, undefined, 42, Buffer.from(ID)])('should pass %p through', async (value) => {
    expect(await firstValueFrom(sut.intercept(httpContext({ method: 'GET' }), handler(value)))).toBe(value);
  });

  it('should let non-HTTP responses pass through untouched', async () => {
    const context = new ExecutionContextHost([{}]);
    context.setType('rpc');
    const body = new CandidateDto();

    expect(await firstValueFrom(sut.intercept(context, handler(body)))).toBe(body);
  });

  it('should produce exactly JSON.stringify output for a clean body', () => {
    const body = {
      items: [
        { title: 'Mathematics', seats: 30, at: new Date(0), id: '3f1c2c1e-9f3a-4c7c-9c1e-138123456789' },
      ],
    };

    expect(sut.transform(body)).toBe(JSON.stringify(body));
  });
});
