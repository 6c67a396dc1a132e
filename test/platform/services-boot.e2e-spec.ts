import type { BaseServiceEnv, ServiceDefinition } from '@exam/platform';
import { expectEventually, ServiceTestBed } from '@exam/testing';
import request from 'supertest';
import { ACCOUNTS_SERVICE } from '../../apps/accounts/src/accounts.service-definition';
import { AccountsEnv } from '../../apps/accounts/src/config/accounts.env';
import { AUDIT_SERVICE } from '../../apps/audit/src/audit.service-definition';
import { AuditEnv } from '../../apps/audit/src/config/audit.env';
import { EXAM_SERVICE } from '../../apps/exam/src/exam.service-definition';
import { ExamEnv } from '../../apps/exam/src/config/exam.env';
import { IDENTITY_SERVICE } from '../../apps/identity/src/identity.service-definition';
import { IdentityEnv } from '../../apps/identity/src/config/identity.env';
import { PAYMENTS_SERVICE } from '../../apps/payments/src/payments.service-definition';
import { PaymentsEnv } from '../../apps/payments/src/config/payments.env';

interface Case<E extends BaseServiceEnv> {
  readonly definition: ServiceDefinition<E>;
  readonly envClass: new () => E;
}

const cases: Case<BaseServiceEnv>[] = [
  { definition: ACCOUNTS_SERVICE, envClass: AccountsEnv },
  { definition: IDENTITY_SERVICE, envClass: IdentityEnv },
  { definition: EXAM_SERVICE, envClass: ExamEnv },
  { definition: PAYMENTS_SERVICE, envClass: PaymentsEnv },
  { definition: AUDIT_SERVICE, envClass: AuditEnv },
] as Case<BaseServiceEnv>[];

describe.each(cases)('service $definition.service', ({ definition, envClass }) => {
  let service: ServiceTestBed<BaseServiceEnv>;

  beforeAll(async () => {
    service = await ServiceTestBed.start({ service: definition.service, envClass, module: definition.module });
  });

  afterAll(async () => {
    await service.close();
  });

  it('should migrate its database and become ready', async () => {
    await request(service.url).get('/health/live').expect(200, { status: 'ok' });
    await expectEventually(async () => {
      const response = await request(service.url).get('/health/ready').expect(200);
      expect(response.body).toEqual({ status: 'ok', checks: { database: 'up', kafka: 'up' } });
    });
  });

  it('should answer unknown routes with the shared error body', async () => {
    const response = await request(service.url).get(`/api/${definition.service}/does-not-exist`).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'REQUEST.NOT_FOUND' });
    expect(typeof (response.body as { correlationId: unknown }).correlationId).toBe('string');
  });

  it('should refuse malformed JSON with 400, not 500', async () => {
    const response = await request(service.url)
      .post('/health/live')
      .set('content-type', 'application/json')
      .send('{"broken":');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
