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

function httpContext(request: object): ExecutionContextHost {
  const context = new ExecutionContextHost([request, {}], CandidatesController, CandidatesController.prototype.list);
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

  it('should mask declared DTO fields of an HTTP response', async () => {
    const context = httpContext({ method: 'GET', route: { path: '/candidates/:id' } });

    const body = await firstValueFrom(sut.intercept(context, handler(new CandidateDto())));

    expect(body).toEqual({ name: '**明', idNumber: '1****************X', phone: '138****5678', status: 'verified' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('should mask an unmasked number in a plain object and warn with method, route and field path only', async () => {
    const context = httpContext({ method: 'GET', route: { path: '/candidates/:id' }, url: `/candidates/1?q=${PHONE}` });

    const body = await firstValueFrom(sut.intercept(context, handler({ data: [{ note: `call ${PHONE}` }] })));

    expect(body).toEqual({ data: [{ note: 'call 138****5678' }] });
    expect(warn).toHaveBeenCalledTimes(1);
    const message = firstWarning();
    expect(message).toContain('GET /candidates/:id');
    expect(message).toContain('$.data[].note');
    expect(message).toContain('phone');
    expect(message).not.toContain(PHONE);
    expect(message).not.toContain('5678');
  });

  it('should warn once per route and field, not once per response', async () => {
    const context = httpContext({ method: 'GET', route: { path: '/a' } });

    for (let i = 0; i < 3; i++) await firstValueFrom(sut.intercept(context, handler({ phone: PHONE })));

    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('should name a Fastify route pattern', async () => {
    const context = httpContext({ method: 'POST', routeOptions: { url: '/exams/:id/register' } });

    await firstValueFrom(sut.intercept(context, handler({ id: ID })));

    expect(firstWarning()).toContain('POST /exams/:id/register');
  });

  it('should fall back to controller and handler names when there is no route pattern', async () => {
    await firstValueFrom(sut.intercept(httpContext({ method: 'GET' }), handler({ id: ID })));

    expect(firstWarning()).toContain('GET CandidatesController.list');
  });

  it('should let non-HTTP responses pass through untouched', async () => {
    const context = new ExecutionContextHost([{}]);
    context.setType('rpc');
    const body = { idNumber: ID };

    expect(await firstValueFrom(sut.intercept(context, handler(body)))).toBe(body);
  });

  it('should return a clean body as the same object', () => {
    const body = { items: [{ title: 'Mathematics', seats: 30, at: new Date(0) }] };

    expect(sut.transform(body)).toBe(body);
  });
});
