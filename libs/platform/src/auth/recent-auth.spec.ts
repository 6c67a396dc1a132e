import { issueTestToken, testJwtPublicKeys } from '@exam/testing';
import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { Clock } from '../time/clock';
import { RequiresRecentAuth } from './access.decorators';
import { AccessGuard } from './access.guard';
import { AUTH_SETTINGS } from './auth.settings';
import { JwtStrategy } from './jwt.strategy';
import { parsePublicKeys } from './jwt-keys';

@Controller()
class ProbeController {
  @RequiresRecentAuth(300) @Post('face/enrolment') enrol(): { ok: true } {
    return { ok: true };
  }
  @Post('ordinary') ordinary(): { ok: true } {
    return { ok: true };
  }
}

class FixedClock extends Clock {
  at = new Date();
  now(): Date {
    return this.at;
  }
}

const clock = new FixedClock();

@Module({
  imports: [PassportModule],
  controllers: [ProbeController],
  providers: [
    { provide: AUTH_SETTINGS, useValue: { publicKeys: parsePublicKeys(testJwtPublicKeys()) } },
    { provide: Clock, useValue: clock },
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
class ProbeModule {}

describe('RequiresRecentAuth', () => {
  let app: NestFastifyApplication;
  const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];
  const secondsAgo = (seconds: number): number => Math.floor(clock.at.getTime() / 1000) - seconds;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('should let a token authenticated within the limit through', async () => {
    await request(app.getHttpServer())
      .post('/face/enrolment')
      .set(...bearer(issueTestToken({ authTime: secondsAgo(299) })))
      .expect(201);
  });

  it('should refuse an older sign-in, and a token without auth_time, with 403 telling to re-authenticate', async () => {
    for (const authTime of [secondsAgo(301), null]) {
      const response = await request(app.getHttpServer())
        .post('/face/enrolment')
        .set(...bearer(issueTestToken({ authTime })))
        .expect(403);
      expect(response.body).toMatchObject({
        code: 'AUTH.RECENT_AUTHENTICATION_REQUIRED',
        message: expect.stringContaining('POST /api/accounts/auth/reauthenticate') as unknown,
      });
    }
  });

  it('should leave other routes open to an old sign-in', async () => {
    await request(app.getHttpServer())
      .post('/ordinary')
      .set(...bearer(issueTestToken({ authTime: secondsAgo(86_400) })))
      .expect(201);
  });

  it('should refuse a malformed auth_time claim as no valid token', async () => {
    const response = await request(app.getHttpServer())
      .post('/ordinary')
      .set(...bearer(issueTestToken({ authTime: 'yesterday' as unknown as number })))
      .expect(401);
    expect(response.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });
});
