import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LOGIN_RISK_DECIDE_PATH, type PayloadOf, type TopicName, Topics } from '@exam/contracts';
import {
  createTestDatabase,
  expectEventually,
  type RunningService,
  startTestService,
  type TestDatabase,
  testJwtPublicKeys,
  testServiceEnv,
} from '@exam/testing';
import request from 'supertest';

import { AccountsEnv } from '../../apps/accounts/src/config/accounts.env';
import { type AccountsHarness, startAccounts } from '../../apps/accounts/test/accounts-harness';
import { freshIp, type LoggedIn, login, registerActive } from '../../apps/accounts/test/factories';
import { AuditModule } from '../../apps/audit/src/audit.module';
import { AuditEnv } from '../../apps/audit/src/config/audit.env';
import { signingKeyPem } from '../../apps/audit/test/audit-fixtures';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** "Within seconds": outbox relay, Kafka, accounts' consumer, Redis, then the other service's guard. */
const WITHIN_MS = 10_000;

/**
 * #12 item 1, across services: accounts asks the real audit risk engine before it issues a token, and a revoked
 * session's access token is refused by audit (another service) within seconds of sign-out everywhere, a password
 * change and a staff lock, through the shared Redis revocation list fed by `accounts.session.revoked`.
 */
describe('risk decision and session revocation (accounts + audit + Redis e2e)', () => {
  let accounts: AccountsHarness;
  let url: string;
  let auditDb: TestDatabase;
  let audit: RunningService;
  let checkpointDir: string;

  beforeAll(async () => {
    accounts = await startAccounts({ REDIS_URL });
    url = accounts.service.url;
    auditDb = await createTestDatabase('audit_revocation');
    checkpointDir = await mkdtemp(join(tmpdir(), 'audit-revocation-'));
    const accountsEnv = accounts.service.app.get(AccountsEnv);
    const auditEnv = testServiceEnv(AuditEnv, {
      databaseName: auditDb.name,
      topicPrefix: accountsEnv.KAFKA_TOPIC_PREFIX,
      overrides: {
        JWT_PUBLIC_KEYS: JSON.stringify({
          ...(JSON.parse(testJwtPublicKeys()) as Record<string, string>),
          'accounts-test': accounts.publicKeyPem,
        }),
        AUDIT_SIGNING_KEY: signingKeyPem(),
        AUDIT_CHECKPOINT_DIR: checkpointDir,
        AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
        REDIS_URL,
      },
    });
    audit = await startTestService('audit', auditEnv, AuditModule.register(auditEnv));
  }, 180_000);

  beforeEach(() => {
    accounts.risk.forwardTo = audit.url;
  });

  afterAll(async () => {
    await audit.close();
    await accounts.close();
    await auditDb.drop();
    await rm(checkpointDir, { recursive: true, force: true });
  });

  function atAudit(session: LoggedIn): request.Test {
    return request(audit.url)
      .get('/api/audit/me/login-decisions')
      .set('authorization', `Bearer ${session.accessToken}`);
  }

  async function expectRefusedByAudit(session: LoggedIn): Promise<void> {
    await expectEventually(
      async () => {
        const refused = await atAudit(session);
        expect(refused.status).toBe(401);
        expect((refused.body as { code: string }).code).toBe('AUTH.UNAUTHENTICATED');
      },
      { timeoutMs: WITHIN_MS },
    );
  }

  function publish<T extends TopicName>(topic: T, subjectId: string, payload: PayloadOf<T>): Promise<void> {
    const value = JSON.stringify({
      id: randomUUID(),
      type: topic,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'audit',
      subjectId,
      traceId: `trace-${randomUUID()}`,
      payload,
    });
    return accounts.probe.produce(accounts.names.physical(topic), [{ key: subjectId, value }]);
  }

  it('should sign in only after the real audit engine decided, and let no user token ask it', async () => {
    const user = await registerActive(url);
    const session = await login(url, user);
    expect(accounts.risk.received.some((r) => r.body.userId === user.userId)).toBe(true);
    await atAudit(session).expect(200);

    await request(audit.url)
      .post(LOGIN_RISK_DECIDE_PATH)
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({
        attemptId: randomUUID(),
        userId: user.userId,
        outcome: 'success',
        ip: freshIp(),
        userAgent: 'x',
        attemptedAt: new Date().toISOString(),
      })
      .expect(401);
    await request(audit.url).post(LOGIN_RISK_DECIDE_PATH).send({}).expect(401);
  });

  it('should refuse the old access token at another service within seconds of sign-out everywhere', async () => {
    const user = await registerActive(url);
    const first = await login(url, user);
    const second = await login(url, user);
    await atAudit(first).expect(200);
    await request(url)
      .post('/api/accounts/auth/logout-all')
      .set('authorization', `Bearer ${second.accessToken}`)
      .set('cookie', second.refreshCookie)
      .expect(200);
    await expectRefusedByAudit(first);
    await expectRefusedByAudit(second);
    await atAudit(await login(url, user)).expect(200);
  });

  it('should refuse the old access token at another service within seconds of a password change', async () => {
    const user = await registerActive(url);
    const session = await login(url, user);
    await request(url)
      .post('/api/accounts/me/password')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ currentPassword: user.password, newPassword: 'Brand-New-Password-5' })
      .expect(204);
    await expectRefusedByAudit(session);
  });

  it('should refuse the old access token at another service within seconds of a staff lock', async () => {
    const user = await registerActive(url);
    const session = await login(url, user);
    await atAudit(session).expect(200);
    await publish(Topics.AccountActionRequested, user.userId, {
      actionId: randomUUID(),
      userId: user.userId,
      action: 'lock',
      reason: 'suspected_takeover',
      requestedBy: randomUUID(),
    });
    await expectRefusedByAudit(session);
    await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: user.login, password: user.password })
      .expect(403);
  });
});
