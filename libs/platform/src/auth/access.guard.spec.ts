import { issueTestToken, testJwtPublicKeys } from '@exam/testing';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { AllowedWithPendingPolicy, Public, Roles, TenantRoles } from './access.decorators';
import { AccessGuard } from './access.guard';
import { AUTH_SETTINGS } from './auth.settings';
import type { AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { JwtStrategy } from './jwt.strategy';
import { parsePublicKeys } from './jwt-keys';

@Controller()
class ProbeController {
  @Public() @Get('open') open(): { ok: true } {
    return { ok: true };
  }
  @Get('me') me(@CurrentUser() user: AuthUser): { userId: string } {
    return { userId: user.userId };
  }
  @AllowedWithPendingPolicy() @Get('me/policy-exempt') exempt(@CurrentUser() user: AuthUser): {
    pending: string | null;
  } {
    return { pending: user.pendingPolicyVersion };
  }
  @Roles('security_analyst') @Get('alerts') alerts(): { ok: true } {
    return { ok: true };
  }
  @TenantRoles('institutionId', ['org_admin']) @Get('institutions/:institutionId') institution(
    @Param('institutionId') id: string,
  ): { id: string } {
    return { id };
  }
}

@Module({
  imports: [PassportModule],
  controllers: [ProbeController],
  providers: [
    { provide: AUTH_SETTINGS, useValue: { publicKeys: parsePublicKeys(testJwtPublicKeys()) } },
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
class ProbeModule {}

describe(AccessGuard.name, () => {
  let app: NestFastifyApplication;
  const orgA = '3f1c6a52-7f1e-4a39-9d8e-1c0a4b6f0001';
  const orgB = '3f1c6a52-7f1e-4a39-9d8e-1c0a4b6f0002';
  const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];

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

  it('should let anyone reach a public route', async () => {
    await request(app.getHttpServer()).get('/open').expect(200);
  });

  it('should return the caller for a valid token', async () => {
    const userId = '0b5e8a8e-0000-4000-8000-000000000001';
    const response = await request(app.getHttpServer())
      .get('/me')
      .set(...bearer(issueTestToken({ userId })))
      .expect(200);
    expect(response.body).toEqual({ userId });
  });

  it.each([
    ['no token', undefined],
    ['an expired token', issueTestToken({ expiresInSeconds: -10 })],
    ['a token signed by an untrusted key', issueTestToken({ signedBy: 'untrusted' })],
    ['garbage', 'not.a.jwt'],
  ])('should answer 401 AUTH.UNAUTHENTICATED for %s', async (_label, token) => {
    const call = request(app.getHttpServer()).get('/me');
    const response = await (token === undefined ? call : call.set(...bearer(token))).expect(401);
    expect((response.body as { code: string }).code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('should refuse a candidate on a security-staff route', async () => {
    const response = await request(app.getHttpServer())
      .get('/alerts')
      .set(...bearer(issueTestToken()))
      .expect(403);
    expect((response.body as { code: string }).code).toBe('AUTH.ROLE_REQUIRED');
  });

  it('should admit a security analyst on a security-staff route', async () => {
    await request(app.getHttpServer())
      .get('/alerts')
      .set(...bearer(issueTestToken({ roles: ['security_analyst'] })))
      .expect(200);
  });

  it('should keep an institution admin out of another institution', async () => {
    const token = issueTestToken({ memberships: [{ institutionId: orgA, roles: ['org_admin'] }] });
    await request(app.getHttpServer())
      .get(`/institutions/${orgA}`)
      .set(...bearer(token))
      .expect(200);
    const response = await request(app.getHttpServer())
      .get(`/institutions/${orgB}`)
      .set(...bearer(token))
      .expect(403);
    expect((response.body as { code: string }).code).toBe('AUTH.TENANT_FORBIDDEN');
  });

  it('should refuse staff without the required institution role', async () => {
    const token = issueTestToken({ memberships: [{ institutionId: orgA, roles: ['org_staff'] }] });
    await request(app.getHttpServer())
      .get(`/institutions/${orgA}`)
      .set(...bearer(token))
      .expect(403);
  });

  it('should let a platform admin act on any institution', async () => {
    const token = issueTestToken({ roles: ['platform_admin'] });
    await request(app.getHttpServer())
      .get(`/institutions/${orgB}`)
      .set(...bearer(token))
      .expect(200);
  });

  describe('pending privacy policy acceptance', () => {
    it('should refuse every unmarked route with 403 AUTH.POLICY_ACCEPTANCE_REQUIRED naming the version', async () => {
      const token = issueTestToken({ pendingPolicy: '2026.2' });
      for (const path of ['/me', `/institutions/${orgA}`]) {
        const response = await request(app.getHttpServer())
          .get(path)
          .set(...bearer(token))
          .expect(403);
        const body = response.body as {
          code: string;
          message: string;
          details: { field: string; reason: string }[];
        };
        expect(body.code).toBe('AUTH.POLICY_ACCEPTANCE_REQUIRED');
        expect(body.message).toContain('2026.2');
        expect(body.details).toEqual([{ field: 'policyVersion', reason: '2026.2' }]);
      }
    });

    it('should refuse even a platform admin until the policy is accepted', async () => {
      const token = issueTestToken({ roles: ['platform_admin'], pendingPolicy: 'v9' });
      const response = await request(app.getHttpServer())
        .get(`/institutions/${orgB}`)
        .set(...bearer(token))
        .expect(403);
      expect((response.body as { code: string }).code).toBe('AUTH.POLICY_ACCEPTANCE_REQUIRED');
    });

    it('should open routes marked @AllowedWithPendingPolicy and public routes', async () => {
      const token = issueTestToken({ pendingPolicy: '2026.2' });
      const response = await request(app.getHttpServer())
        .get('/me/policy-exempt')
        .set(...bearer(token))
        .expect(200);
      expect(response.body).toEqual({ pending: '2026.2' });
      await request(app.getHttpServer())
        .get('/open')
        .set(...bearer(token))
        .expect(200);
    });

    it('should let a token without the claim through as before', async () => {
      const response = await request(app.getHttpServer())
        .get('/me/policy-exempt')
        .set(...bearer(issueTestToken()))
        .expect(200);
      expect(response.body).toEqual({ pending: null });
      await request(app.getHttpServer())
        .get('/me')
        .set(...bearer(issueTestToken()))
        .expect(200);
    });

    it('should treat a malformed claim as an invalid token', async () => {
      const token = issueTestToken({ pendingPolicy: '' });
      const response = await request(app.getHttpServer())
        .get('/me')
        .set(...bearer(token))
        .expect(401);
      expect((response.body as { code: string }).code).toBe('AUTH.UNAUTHENTICATED');
    });
  });
});
