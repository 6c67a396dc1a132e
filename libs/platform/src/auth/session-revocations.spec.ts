import { issueTestToken, testJwtPublicKeys } from '@exam/testing';
import { Controller, Get, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Redis } from 'ioredis';
import request from 'supertest';

import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { SessionCheckUnavailableError } from '../errors/platform.errors';
import { AccessGuard } from './access.guard';
import { AUTH_SETTINGS } from './auth.settings';
import { JwtStrategy } from './jwt.strategy';
import { parsePublicKeys } from './jwt-keys';
import { SESSION_REVOCATIONS, SessionRevocations } from './session-revocations';

/** An in-memory stand-in for the few Redis commands the list uses; `down` makes every command fail. */
class FakeRedis {
  readonly keys = new Set<string>();
  readonly status = 'ready';
  down = false;
  /** Reads that fail before the next one answers (a timed-out read). */
  failNext = 0;
  reads = 0;
  quit(): Promise<'OK'> {
    return Promise.resolve('OK');
  }
  on(): this {
    return this;
  }
  exists(key: string): Promise<number> {
    this.reads += 1;
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('Command timed out'));
    }
    return this.down
      ? Promise.reject(new Error('connection refused'))
      : Promise.resolve(this.keys.has(key) ? 1 : 0);
  }
  multi(): { set: (key: string) => void; exec: () => Promise<[null, 'OK'][]> } {
    const staged: string[] = [];
    return {
      set: (key) => {
        staged.push(key);
      },
      exec: () => {
        for (const key of staged) this.keys.add(key);
        return Promise.resolve(staged.map(() => [null, 'OK']));
      },
    };
  }
}

@Controller()
class ProbeController {
  @Get('me') me(): { ok: true } {
    return { ok: true };
  }
}

const sidOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sid: string }).sid;

describe(SessionRevocations.name, () => {
  const redis = new FakeRedis();
  const sut = new SessionRevocations(redis as unknown as Redis);
  let app: NestFastifyApplication;

  @Module({
    imports: [PassportModule],
    controllers: [ProbeController],
    providers: [
      { provide: AUTH_SETTINGS, useValue: { publicKeys: parsePublicKeys(testJwtPublicKeys()) } },
      { provide: SESSION_REVOCATIONS, useValue: sut },
      JwtStrategy,
      { provide: APP_GUARD, useClass: AccessGuard },
    ],
  })
  class ProbeModule {}

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterEach(() => {
    redis.down = false;
  });

  afterAll(async () => {
    await app.close();
  });

  it('should refuse the access token of a revoked session and keep honouring the others', async () => {
    const revoked = issueTestToken();
    const live = issueTestToken();
    await request(app.getHttpServer()).get('/me').set('authorization', `Bearer ${revoked}`).expect(200);
    await sut.revoke([sidOf(revoked)], 360);

    const refused = await request(app.getHttpServer())
      .get('/me')
      .set('authorization', `Bearer ${revoked}`)
      .expect(401);
    expect((refused.body as { code: string; message: string }).code).toBe('AUTH.UNAUTHENTICATED');
    expect((refused.body as { message: string }).message).toContain('session has ended');
    await request(app.getHttpServer()).get('/me').set('authorization', `Bearer ${live}`).expect(200);
  });

  it('should fail closed with 503 while the list cannot be read', async () => {
    redis.down = true;
    const refused = await request(app.getHttpServer())
      .get('/me')
      .set('authorization', `Bearer ${issueTestToken()}`)
      .expect(503);
    expect((refused.body as { code: string }).code).toBe('SESSION_CHECK.UNAVAILABLE');
  });

  it('should read once more after one failed read, and refuse after two', async () => {
    const token = issueTestToken();
    redis.failNext = 1;
    redis.reads = 0;
    await request(app.getHttpServer()).get('/me').set('authorization', `Bearer ${token}`).expect(200);
    expect(redis.reads).toBe(2);
    redis.failNext = 2;
    redis.reads = 0;
    const refused = await request(app.getHttpServer())
      .get('/me')
      .set('authorization', `Bearer ${token}`)
      .expect(503);
    expect((refused.body as { code: string }).code).toBe('SESSION_CHECK.UNAVAILABLE');
    expect(redis.reads).toBe(2);
  });

  it('should fail closed at once against a Redis that is not there', async () => {
    const unreachable = SessionRevocations.connect('redis://127.0.0.1:1');
    const started = Date.now();
    await expect(unreachable.isRevoked('any')).rejects.toBeInstanceOf(SessionCheckUnavailableError);
    expect(Date.now() - started).toBeLessThan(1000);
    await unreachable.onApplicationShutdown();
  });
});
