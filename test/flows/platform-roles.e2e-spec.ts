import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { type PlatformRole, Topics } from '@exam/contracts';
import {
  createTestDatabase,
  expectEventually,
  type ProbedMessage,
  type RunningService,
  startTestService,
  type TestDatabase,
  testEnv,
  testJwtPublicKeys,
  testServiceEnv,
} from '@exam/testing';
import request from 'supertest';

import { AccountsEnv } from '../../apps/accounts/src/config/accounts.env';
import { type AccountsHarness, startAccounts } from '../../apps/accounts/test/accounts-harness';
import { cookieFrom, login, registerActive, type Registered } from '../../apps/accounts/test/factories';
import { AuditModule } from '../../apps/audit/src/audit.module';
import { AuditEnv } from '../../apps/audit/src/config/audit.env';
import { signingKeyPem } from '../../apps/audit/test/audit-fixtures';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

interface Session {
  accessToken: string;
  refreshCookie: string;
}

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface LogEntry {
  readonly eventType: string;
  readonly userId: string | null;
  readonly actorId: string | null;
  readonly attributes: Record<string, unknown>;
}

const rolesOf = (jwt: string): PlatformRole[] =>
  (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { roles: PlatformRole[] })
    .roles;

/**
 * Accounts and audit together: platform roles granted by the bootstrap CLI and the admin route, each
 * change kept with its reason, published through the outbox and chained by audit.
 */
describe('platform roles: bootstrap CLI, admin route and the audit chain (accounts + audit e2e)', () => {
  let accounts: AccountsHarness;
  let url: string;
  let auditDb: TestDatabase;
  let audit: RunningService;
  let checkpointDir: string;
  let published: ProbedMessage[];
  let admin: Registered;
  let analyst: Registered;
  let other: Registered;
  const sessions = new Map<string, Session>();

  const bearer = (who: Registered): { authorization: string } => ({
    authorization: `Bearer ${sessions.get(who.userId)?.accessToken ?? ''}`,
  });

  /** A new access token, as the user's client gets it after its current one expires. */
  async function refresh(who: Registered): Promise<PlatformRole[]> {
    const session = sessions.get(who.userId);
    const response = await request(url)
      .post('/api/accounts/auth/refresh')
      .set('cookie', session?.refreshCookie ?? '')
      .expect(200);
    const accessToken = (response.body as { accessToken: string }).accessToken;
    sessions.set(who.userId, {
      accessToken,
      refreshCookie: cookieFrom(response.headers['set-cookie'], 'exam_refresh'),
    });
    return rolesOf(accessToken);
  }

  /** The CLI exactly as an operator runs it, against this test's accounts database and topics. */
  async function grantRoleCli(loginName: string, reason: string): Promise<CliResult> {
    const env = accounts.service.app.get(AccountsEnv);
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          'apps/accounts/src/grant-role.ts',
          '--login',
          loginName,
          '--reason',
          reason,
        ],
        {
          cwd: ROOT,
          timeout: 90_000,
          env: {
            PATH: process.env.PATH,
            NODE_ENV: 'test',
            LOG_LEVEL: 'error',
            DATABASE_URL: testEnv().databaseUrl,
            DATABASE_NAME: env.DATABASE_NAME,
            KAFKA_BROKERS: testEnv().kafkaBrokers.join(','),
            KAFKA_TOPIC_PREFIX: env.KAFKA_TOPIC_PREFIX,
            JWT_PRIVATE_KEY: env.JWT_PRIVATE_KEY,
            JWT_KEY_ID: env.JWT_KEY_ID,
            JWT_PUBLIC_KEYS: env.JWT_PUBLIC_KEYS,
          },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error: unknown) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  function setRoles(who: Registered | null, userId: string, body: object): request.Test {
    const call = request(url).put(`/api/accounts/admin/users/${userId}/platform-roles`).send(body);
    return who === null ? call : call.set(bearer(who));
  }

  beforeAll(async () => {
    accounts = await startAccounts();
    url = accounts.service.url;
    published = await accounts.probe.collect(accounts.names.physical(Topics.PlatformRoleChanged));
    admin = await registerActive(url, 'email');
    analyst = await registerActive(url, 'email');
    other = await registerActive(url, 'email');
    for (const who of [admin, analyst, other]) sessions.set(who.userId, await login(url, who));

    // Audit on the same topics, trusting the accounts signing key as every service does in a deployment.
    auditDb = await createTestDatabase('audit_roles');
    checkpointDir = await mkdtemp(join(tmpdir(), 'audit-roles-'));
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
      },
    });
    audit = await startTestService('audit', auditEnv, AuditModule.register(auditEnv));
  }, 180_000);

  afterAll(async () => {
    await audit.close();
    await accounts.close();
    await auditDb.drop();
    await rm(checkpointDir, { recursive: true, force: true });
  });

  it('should appoint the first platform_admin with the CLI once, and refuse a second one', async () => {
    const first = await grantRoleCli(admin.login, 'Bootstrap of the e2e platform');
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(first.stdout)).toMatchObject({
      userId: admin.userId,
      roles: ['candidate', 'platform_admin'],
    });
    expect(await refresh(admin)).toEqual(['candidate', 'platform_admin']);

    const again = await grantRoleCli(admin.login.toUpperCase(), 'Running the start command twice');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ message: 'account already holds platform_admin' });

    const second = await grantRoleCli(other.login, 'Someone else wants in');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('PLATFORM_ROLE.ADMIN_EXISTS');
    expect(await refresh(other)).toEqual(['candidate']);
  }, 240_000);

  it('should grant a role with a reason, effective from the next token, and keep the history', async () => {
    const reason = 'Joins the security team (ticket SEC-42)';
    const granted = await setRoles(admin, analyst.userId, {
      roles: ['candidate', 'security_analyst'],
      reason,
    }).expect(200);
    expect(granted.body).toEqual({
      userId: analyst.userId,
      roles: ['candidate', 'security_analyst'],
      changes: [{ role: 'security_analyst', change: 'granted' }],
    });
    // The token in hand keeps its roles; the next one carries the change.
    expect(rolesOf(sessions.get(analyst.userId)?.accessToken ?? '')).toEqual(['candidate']);
    expect(await refresh(analyst)).toEqual(['candidate', 'security_analyst']);

    const unchanged = await setRoles(admin, analyst.userId, {
      roles: ['security_analyst', 'candidate'],
      reason: 'Same again',
    }).expect(200);
    expect((unchanged.body as { changes: unknown[] }).changes).toEqual([]);

    const state = await request(url)
      .get(`/api/accounts/admin/users/${analyst.userId}/platform-roles`)
      .set(bearer(admin))
      .expect(200);
    expect(state.body).toMatchObject({
      userId: analyst.userId,
      roles: ['candidate', 'security_analyst'],
      history: [
        { role: 'security_analyst', change: 'granted', source: 'admin_api', actorId: admin.userId, reason },
      ],
    });

    const event = await expectEventually(() => {
      const found = published
        .map((m) => JSON.parse(m.value ?? '{}') as { payload: Record<string, unknown> })
        .find((e) => e.payload.userId === analyst.userId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.payload).toMatchObject({
      role: 'security_analyst',
      change: 'granted',
      source: 'admin_api',
      actorId: admin.userId,
      reason,
    });
  });

  it('should refuse callers without platform_admin, and requests without a reason or with an unknown role', async () => {
    const body = { roles: ['candidate', 'platform_admin'], reason: 'I would like to be admin' };
    await setRoles(null, other.userId, body).expect(401);
    const notAdmin = await setRoles(other, other.userId, body).expect(403);
    expect((notAdmin.body as { code: string }).code).toBe('AUTH.ROLE_REQUIRED');
    await setRoles(analyst, other.userId, body).expect(403);
    await request(url)
      .get(`/api/accounts/admin/users/${other.userId}/platform-roles`)
      .set(bearer(analyst))
      .expect(403);

    for (const invalid of [
      { roles: ['candidate'] },
      { roles: ['candidate'], reason: '   ' },
      { roles: ['candidate'], reason: 'x'.repeat(501) },
    ]) {
      const refused = await setRoles(admin, other.userId, invalid).expect(400);
      expect(refused.body).toMatchObject({ code: 'REQUEST.INVALID', details: [{ field: 'reason' }] });
    }
    const unknownRole = await setRoles(admin, other.userId, { roles: ['root'], reason: 'typo' }).expect(400);
    expect(unknownRole.body).toMatchObject({ code: 'REQUEST.INVALID', details: [{ field: 'roles' }] });
    const nobody = await setRoles(admin, '3f0c9d59-27a3-4f4e-9df2-4e1f6e1b1c11', {
      roles: ['candidate'],
      reason: 'Nobody has this id',
    }).expect(404);
    expect((nobody.body as { code: string }).code).toBe('PLATFORM_ROLE.USER_NOT_FOUND');
    expect(await refresh(other)).toEqual(['candidate']);
  });

  it('should refuse the last platform_admin giving the role up, and allow it once another admin exists', async () => {
    const alone = await setRoles(admin, admin.userId, {
      roles: ['candidate'],
      reason: 'Stepping down',
    }).expect(409);
    expect((alone.body as { code: string }).code).toBe('PLATFORM_ROLE.LAST_ADMIN');
    expect(await refresh(admin)).toEqual(['candidate', 'platform_admin']);

    await setRoles(admin, other.userId, {
      roles: ['candidate', 'platform_admin'],
      reason: 'Second administrator',
    }).expect(200);
    const stepped = await setRoles(admin, admin.userId, {
      roles: ['candidate'],
      reason: 'Stepping down now that there is a successor',
    }).expect(200);
    expect((stepped.body as { changes: unknown[] }).changes).toEqual([
      { role: 'platform_admin', change: 'revoked' },
    ]);
    expect(await refresh(admin)).toEqual(['candidate']);
    expect(await refresh(other)).toEqual(['candidate', 'platform_admin']);
    const last = await setRoles(other, other.userId, { roles: [], reason: 'Leaving' }).expect(409);
    expect((last.body as { code: string }).code).toBe('PLATFORM_ROLE.LAST_ADMIN');
  });

  it('should chain every change in the audit log, the reason as its hash, and keep the chain intact', async () => {
    const entries = await expectEventually(
      async () => {
        const page = await request(audit.url)
          .get('/api/audit/log')
          .query({ eventType: Topics.PlatformRoleChanged, limit: 50 })
          .set(bearer(other))
          .expect(200);
        const items = (page.body as { items: LogEntry[] }).items;
        expect(items).toHaveLength(4);
        return items;
      },
      { timeoutMs: 60_000 },
    );
    const nameOf = (id: string | null): string =>
      id === admin.userId
        ? 'admin'
        : id === analyst.userId
          ? 'analyst'
          : id === other.userId
            ? 'other'
            : String(id);
    const summary = entries
      .map(
        (e) =>
          `${nameOf(e.userId)} ${String(e.attributes.change)} ${String(e.attributes.role)} by ${nameOf(e.actorId)} via ${String(e.attributes.source)}`,
      )
      .sort();
    expect(summary).toEqual([
      'admin granted platform_admin by cli:bootstrap_cli via bootstrap_cli',
      'admin revoked platform_admin by admin via admin_api',
      'analyst granted security_analyst by admin via admin_api',
      'other granted platform_admin by admin via admin_api',
    ]);
    for (const entry of entries) {
      expect(entry.attributes.reasonSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(entry)).not.toContain('ticket SEC-42');
    }
    const verified = await request(audit.url).get('/api/audit/chain/verify').set(bearer(other)).expect(200);
    expect((verified.body as { ok: boolean }).ok).toBe(true);
  });
});
