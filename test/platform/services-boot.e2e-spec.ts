import { randomUUID } from 'node:crypto';

import type { BaseServiceEnv, ServiceDefinition } from '@exam/platform';
import { allowFullValuesOn, expectEventually, ServiceTestBed } from '@exam/testing';
import request from 'supertest';

import { ACCOUNTS_SERVICE } from '../../apps/accounts/src/accounts.service-definition';
import { AccountsEnv } from '../../apps/accounts/src/config/accounts.env';
import { AUDIT_SERVICE } from '../../apps/audit/src/audit.service-definition';
import { AuditEnv } from '../../apps/audit/src/config/audit.env';
import { ExamEnv } from '../../apps/exam/src/config/exam.env';
import { EXAM_SERVICE } from '../../apps/exam/src/exam.service-definition';
import { IdentityEnv } from '../../apps/identity/src/config/identity.env';
import { IDENTITY_SERVICE } from '../../apps/identity/src/identity.service-definition';
import { PaymentsEnv } from '../../apps/payments/src/config/payments.env';
import { PAYMENTS_SERVICE } from '../../apps/payments/src/payments.service-definition';
import { denialsFor } from '../support/access-denials';
import { documentedRoutes, fillPath, openApiDocument } from '../support/documented-routes';
import { HOSTILE_REQUESTS, prepare, type Prepared, send } from '../support/hostile-requests';

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
] as unknown as Case<BaseServiceEnv>[];

describe.each(cases)('service $definition.service', ({ definition, envClass }) => {
  let service: ServiceTestBed<BaseServiceEnv>;

  beforeAll(async () => {
    // The document is generated from the code, checked in and public: its prose quotes fictitious example
    // contacts (the dev mailbox's recipient format), which the response number scan cannot tell from real ones.
    allowFullValuesOn('GET', `/api/${definition.service}/openapi.json`);
    service = await ServiceTestBed.start({
      service: definition.service,
      envClass,
      module: definition.module,
      ...(definition.edge ? { edge: definition.edge } : {}),
    });
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

  it('should serve its OpenAPI document, publicly, as checked in under docs/api', async () => {
    const response = await request(service.url).get(`/api/${definition.service}/openapi.json`).expect(200);
    expect(response.headers['content-type']).toContain('application/json');
    const served = response.body as ReturnType<typeof openApiDocument> & Record<string, unknown>;
    const checkedIn = openApiDocument(definition.service) as typeof served;
    expect(served['x-error-codes']).toEqual(checkedIn['x-error-codes']);
    expect(served['x-consumed-topics']).toEqual(checkedIn['x-consumed-topics']);
    expect(served.components).toEqual(checkedIn.components);
    const checkedInPaths: Partial<Record<string, Partial<Record<string, unknown>>>> = checkedIn.paths;
    // The generator documents the development graph; a route that only development serves may be missing here.
    for (const [path, item] of Object.entries(served.paths))
      for (const [method, operation] of Object.entries(item))
        expect({ path, method, operation }).toEqual({
          path,
          method,
          operation: checkedInPaths[path]?.[method],
        });
  });

  it('should answer hostile requests on every documented route with a success or a 4xx and the shared error body, never a 5xx', async () => {
    const routes = documentedRoutes(definition.service);
    expect(routes.length).toBeGreaterThanOrEqual(2);
    const findings: string[] = [];
    for (const route of routes) {
      for (const hostile of HOSTILE_REQUESTS) {
        const label = `${hostile.name}: ${route.method} ${route.path}`;
        try {
          const prepared = prepare(route, hostile);
          const responses = await Promise.all(
            Array.from({ length: hostile.twice === true ? 2 : 1 }, () => send(service.url, route, prepared)),
          );
          for (const response of responses) {
            const body = response.body as { statusCode?: unknown; code?: unknown };
            if (process.env.SWEEP_DEBUG)
              process.stdout.write(`${label} -> ${response.status} ${String(body.code)}\n`);
            if (response.status >= 500) findings.push(`${label} -> ${response.status} ${String(body.code)}`);
            // Node's HTTP parser refuses an oversized request line or headers before the application sees it.
            else if (response.status === 431 || response.status === 414) continue;
            else if (
              response.status >= 400 &&
              (body.statusCode !== response.status || typeof body.code !== 'string')
            ) {
              findings.push(`${label} -> ${response.status} without the shared error body`);
            }
          }
        } catch (error: unknown) {
          findings.push(`${label} -> ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    expect(findings).toEqual([]);
    // The services run in this process: a body that polluted Object.prototype would show here.
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 180_000);

  it('should refuse every protected route to a caller without the documented access, before touching its input', async () => {
    const findings: string[] = [];
    let checked = 0;
    const routes = documentedRoutes(definition.service);
    for (const route of routes) {
      for (const denial of denialsFor(route)) {
        const prepared: Prepared = {
          path: fillPath(route.path, randomUUID(), { institutionId: denial.institutionId }),
          token: denial.token,
          body: route.method === 'GET' || route.method === 'DELETE' ? undefined : { json: '{}' },
          forwardedFor: `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
        };
        const response = await send(service.url, route, prepared);
        checked += 1;
        if (!denial.refusedWith.includes(response.status)) {
          findings.push(
            `${denial.caller}: ${route.method} ${route.path} -> ${response.status}, expected ${denial.refusedWith.join(' or ')}`,
          );
        }
      }
    }
    expect(findings).toEqual([]);
    // Every protected route was tried at least once (without a token).
    expect(checked).toBeGreaterThanOrEqual(routes.filter((r) => !r.access.public).length);
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
