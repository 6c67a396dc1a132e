import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { currentTraceId, optionalAnalyticsAllowed } from '../context/request-context';
import { requestContextMiddleware } from './request-context.middleware';

@Controller()
class ProbeController {
  @Get('signals') signals(): { optionalAnalytics: boolean; traceId: string } {
    return { optionalAnalytics: optionalAnalyticsAllowed(), traceId: currentTraceId() };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe(requestContextMiddleware.name, () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.use(requestContextMiddleware);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('should allow optional analytics for a request without a privacy signal', async () => {
    const response = await request(app.getHttpServer())
      .get('/signals')
      .set('x-request-id', 'trace-0001')
      .expect(200);
    expect(response.body).toEqual({ optionalAnalytics: true, traceId: 'trace-0001' });
  });

  it.each([
    ['dnt', '1'],
    ['sec-gpc', '1'],
  ])('should turn optional analytics off for %s: %s, for that request only', async (header, value) => {
    const off = await request(app.getHttpServer()).get('/signals').set(header, value).expect(200);
    expect((off.body as { optionalAnalytics: boolean }).optionalAnalytics).toBe(false);
    const next = await request(app.getHttpServer()).get('/signals').expect(200);
    expect((next.body as { optionalAnalytics: boolean }).optionalAnalytics).toBe(true);
  });

  it('should say no outside any request', () => {
    expect(optionalAnalyticsAllowed()).toBe(false);
  });
});
