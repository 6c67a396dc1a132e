/**
 * Seeds a clearly marked demo into a running local platform, through the public HTTP APIs (and the
 * grant-role CLI for the first platform admin), so the seed exercises the real flows:
 *
 *   node dist/scripts/seed-demo.js                     (what `npm run start:local` runs once all is up)
 *   node -r @swc-node/register scripts/seed-demo.ts    (from the sources)
 *
 * It creates, unless they already exist: a platform admin, a privacy policy version, a security analyst,
 * an institution with its org admin and an org staff member, and three candidates, two of them real-name
 * verified by identity against the authority simulator's register. Running it again changes nothing.
 * One-time codes and the staff invitation are read from the development mailbox, which exists only
 * outside production; the seed refuses to run with NODE_ENV=production.
 *
 * Settings: SEED_BASE_URL (the gateway, default http://127.0.0.1:3000), DEMO_PASSWORD (default below).
 * The grant-role CLI reads the accounts service's environment, as exported by the start command.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

import { SEEDED_PERSONS } from '../apps/authority-sim/src/registry/test-persons';

const BASE_URL = (process.env.SEED_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-Exam-Platform-2026';
const POLICY_VERSION = 'demo-1';
const INSTITUTION_NAME = '[DEMO] Riverside Examination Centre';
const run = promisify(execFile);

interface DemoUser {
  readonly username: string;
  readonly email: string;
  readonly nickname: string;
  readonly role: string;
  /** A person of the authority simulator's register (apps/authority-sim/CONTRACT.md § Test persons). */
  readonly realName?: string;
}

const DEMO_USERS = {
  admin: {
    username: 'demo_admin',
    email: 'demo.admin@example.com',
    nickname: '[DEMO] Platform admin',
    role: 'platform admin',
  },
  analyst: {
    username: 'demo_analyst',
    email: 'demo.analyst@example.com',
    nickname: '[DEMO] Security analyst',
    role: 'security analyst',
  },
  orgAdmin: {
    username: 'demo_org_admin',
    email: 'demo.org.admin@example.com',
    nickname: '[DEMO] Institution admin',
    role: 'org admin (institution)',
  },
  orgStaff: {
    username: 'demo_org_staff',
    email: 'demo.org.staff@example.com',
    nickname: '[DEMO] Institution staff',
    role: 'org staff (institution)',
  },
  candidate1: {
    username: 'demo_candidate1',
    email: 'demo.candidate1@example.com',
    nickname: '[DEMO] Candidate 1',
    role: 'candidate, real-name verified',
    realName: '张三',
  },
  candidate2: {
    username: 'demo_candidate2',
    email: 'demo.candidate2@example.com',
    nickname: '[DEMO] Candidate 2',
    role: 'candidate, real-name verified',
    realName: '李四',
  },
  candidate3: {
    username: 'demo_candidate3',
    email: 'demo.candidate3@example.com',
    nickname: '[DEMO] Candidate 3',
    role: 'candidate, not verified yet',
  },
} as const satisfies Record<string, DemoUser>;

class SeedError extends Error {}

interface Reply {
  readonly status: number;
  readonly body: { readonly code?: string; readonly message?: string; readonly [field: string]: unknown };
}

/** The status and the shared error body's code and message, for a failure message. */
function problemOf(reply: Reply): string {
  return [`HTTP ${reply.status}`, reply.body.code, reply.body.message]
    .filter((p) => p !== undefined)
    .join(' ');
}

interface Session {
  readonly userId: string;
  readonly accessToken: string;
  readonly roles: string[];
  readonly institutionIds: string[];
}

async function call(method: string, path: string, body?: object, token?: string): Promise<Reply> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      'user-agent': 'exam-platform-demo-seed',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: Reply['body'] = {};
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Reply['body']);
  } catch {
    parsed = { message: text };
  }
  return { status: response.status, body: parsed };
}

async function expectStatus(reply: Promise<Reply>, expected: number[], what: string): Promise<Reply> {
  const answered = await reply;
  if (!expected.includes(answered.status)) {
    throw new SeedError(`${what}: ${problemOf(answered)}`);
  }
  return answered;
}

function claimsOf(jwt: string): { sub: string; roles: string[]; memberships: { institutionId: string }[] } {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as {
    sub: string;
    roles: string[];
    memberships: { institutionId: string }[];
  };
}

function sessionOf(accessToken: string): Session {
  const claims = claimsOf(accessToken);
  return {
    userId: claims.sub,
    accessToken,
    roles: claims.roles,
    institutionIds: claims.memberships.map((m) => m.institutionId),
  };
}

/** The newest message to `to` in the development mailbox, waiting a little for it to arrive. */
async function latestMail(to: string, pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const reply = await expectStatus(
      call('GET', `/api/accounts/dev/mailbox?to=${encodeURIComponent(to)}`),
      [200],
      'reading the development mailbox (is NOTIFIER=dev-mailbox and NODE_ENV not production?)',
    );
    const messages = (reply.body.messages ?? []) as { text: string }[];
    const match = pattern.exec(messages[0]?.text ?? '');
    if (match?.[1] !== undefined) return match[1];
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new SeedError(`no message for ${to} in the development mailbox`);
}

async function signIn(user: DemoUser): Promise<Session | null> {
  const reply = await call('POST', '/api/accounts/auth/login', {
    login: user.username,
    password: DEMO_PASSWORD,
  });
  if (reply.status === 401) return null;
  if (reply.status === 202) {
    // A risky sign-in (audit asked for a step-up): confirm it with the code sent to the demo mailbox.
    const code = await latestMail(user.email, /(\d{6})/);
    const confirmed = await expectStatus(
      call('POST', '/api/accounts/auth/step-up', { challengeId: reply.body.challengeId, code }),
      [200],
      `confirming the sign-in of ${user.username}`,
    );
    return sessionOf(String(confirmed.body.accessToken));
  }
  if (reply.status !== 200) {
    throw new SeedError(`signing in ${user.username}: ${problemOf(reply)}`);
  }
  return sessionOf(String(reply.body.accessToken));
}

async function currentPolicyVersion(): Promise<string | undefined> {
  const reply = await call('GET', '/api/accounts/privacy-policy');
  return reply.status === 200 ? String(reply.body.version) : undefined;
}

/** Signs the demo user in, registering (and proving the email of) the account first if it does not exist. */
async function ensureAccount(user: DemoUser): Promise<{ session: Session; created: boolean }> {
  const existing = await signIn(user);
  if (existing !== null) return { session: existing, created: false };
  const policy = await currentPolicyVersion();
  const started = await call('POST', '/api/accounts/registrations', {
    email: user.email,
    username: user.username,
    password: DEMO_PASSWORD,
    nickname: user.nickname,
    ...(policy === undefined ? {} : { acceptedPolicyVersion: policy }),
  });
  if (started.status === 409) {
    throw new SeedError(
      `${user.username} / ${user.email} exists but does not accept the demo password; ` +
        'set DEMO_PASSWORD to the one it was seeded with, or drop the local databases',
    );
  }
  if (started.status !== 202) {
    throw new SeedError(`registering ${user.username}: ${problemOf(started)}`);
  }
  const code = await latestMail(user.email, /(\d{6})/);
  await expectStatus(
    call('POST', `/api/accounts/registrations/${String(started.body.registrationId)}/verify`, { code }),
    [200],
    `verifying the email of ${user.username}`,
  );
  const session = await signIn(user);
  if (session === null) throw new SeedError(`${user.username} was registered but cannot sign in`);
  return { session, created: true };
}

/** The first platform admin comes from the bootstrap CLI, the same service code as the admin route. */
async function appointFirstAdmin(user: DemoUser): Promise<void> {
  const compiled = __filename.endsWith('.js');
  const cli = compiled
    ? [resolve(__dirname, '../apps/accounts/src/grant-role.js')]
    : ['-r', '@swc-node/register', resolve(__dirname, '../apps/accounts/src/grant-role.ts')];
  try {
    await run(
      process.execPath,
      [...cli, '--login', user.username, '--reason', 'Demo seed: first platform admin of the local demo'],
      { env: process.env, timeout: 120_000 },
    );
  } catch (error: unknown) {
    const failed = error as { stderr?: string; message: string };
    throw new SeedError(`grant-role CLI: ${(failed.stderr ?? failed.message).trim()}`);
  }
}

async function ensurePlatformRole(
  admin: Session,
  user: Session,
  role: string,
  reason: string,
): Promise<void> {
  const path = `/api/accounts/admin/users/${user.userId}/platform-roles`;
  const state = await expectStatus(call('GET', path, undefined, admin.accessToken), [200], 'reading roles');
  const roles = state.body.roles as string[];
  if (roles.includes(role)) return;
  await expectStatus(
    call('PUT', path, { roles: [...roles, role], reason }, admin.accessToken),
    [200],
    `granting ${role}`,
  );
}

async function ensurePolicy(admin: Session): Promise<string> {
  const current = await currentPolicyVersion();
  if (current !== undefined) return current;
  await expectStatus(
    call(
      'POST',
      '/api/accounts/privacy-policy/versions',
      {
        version: POLICY_VERSION,
        text:
          'DEMO PRIVACY POLICY — placeholder text seeded for local development, not a real policy.\n\n' +
          'This demo platform stores the personal data you enter (contact, real name, ID number, face data with ' +
          'your consent) only on this machine. Replace this version with the real policy before any real use.',
        effectiveAt: new Date(Date.now() - 60_000).toISOString(),
        materialChange: false,
      },
      admin.accessToken,
    ),
    [200, 201, 409],
    'publishing the demo privacy policy',
  );
  return POLICY_VERSION;
}

async function ensureInstitution(orgAdmin: Session): Promise<{ session: Session; institutionId: string }> {
  const existing = orgAdmin.institutionIds.at(0);
  if (existing !== undefined) return { session: orgAdmin, institutionId: existing };
  const created = await expectStatus(
    call(
      'POST',
      '/api/accounts/institutions',
      { name: INSTITUTION_NAME, contactEmail: 'demo.institution@example.com' },
      orgAdmin.accessToken,
    ),
    [200, 201],
    'registering the demo institution',
  );
  // The org_admin membership reaches the token at the next sign-in.
  const session = await signIn(DEMO_USERS.orgAdmin);
  if (session === null) throw new SeedError('the demo org admin cannot sign in again');
  return { session, institutionId: String(created.body.institutionId) };
}

async function ensureStaff(orgAdmin: Session, institutionId: string, staff: Session): Promise<void> {
  if (staff.institutionIds.includes(institutionId)) return;
  await expectStatus(
    call(
      'POST',
      `/api/accounts/institutions/${institutionId}/invitations`,
      { email: DEMO_USERS.orgStaff.email, role: 'org_staff' },
      orgAdmin.accessToken,
    ),
    [200, 201],
    'inviting the demo staff member',
  );
  const token = await latestMail(DEMO_USERS.orgStaff.email, /token: ([A-Za-z0-9_-]{43})/);
  await expectStatus(
    call('POST', '/api/accounts/invitations/accept', { token }, staff.accessToken),
    [200],
    'accepting the staff invitation',
  );
}

async function ensureRealName(user: DemoUser & { realName: string }, session: Session): Promise<void> {
  const verified = await call('GET', '/api/identity/real-name/me', undefined, session.accessToken);
  if (verified.status === 200) return;
  const person = SEEDED_PERSONS.find((p) => p.name === user.realName);
  if (person === undefined) throw new SeedError(`${user.realName} is not in the simulator's register`);
  const outcome = await expectStatus(
    call(
      'POST',
      '/api/identity/real-name/verifications',
      { name: person.name, idNumber: person.idNumber, validFrom: person.validFrom, validTo: person.validTo },
      session.accessToken,
    ),
    [200],
    `verifying the real name of ${user.username}`,
  );
  if (outcome.body.verified !== true) {
    throw new SeedError(
      `real-name verification of ${user.username}: ${outcome.body.message ?? 'not verified'}`,
    );
  }
}

function summary(institutionId: string, policy: string): string {
  const rows = Object.values(DEMO_USERS).map(
    (u) => `    ${u.role.padEnd(31)} ${u.username.padEnd(17)} ${u.email}`,
  );
  return [
    '',
    '  DEMO DATA — seeded for local development only; these are demo accounts, not real people.',
    `  Sign in at ${BASE_URL}/ (or POST /api/accounts/auth/login {"login", "password"}) with the`,
    `  user name or the email below; every demo account has the password: ${DEMO_PASSWORD}`,
    '',
    `    ${'role'.padEnd(31)} ${'user name'.padEnd(17)} email`,
    ...rows,
    '',
    `  Institution "${INSTITUTION_NAME}" (${institutionId}); privacy policy version ${policy}.`,
    "  Real names come from the authority simulator's test register (apps/authority-sim/CONTRACT.md).",
    '  One-time codes: GET /api/accounts/dev/mailbox?to=<email>. Re-running the seed changes nothing.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    throw new SeedError('refusing to seed demo accounts with NODE_ENV=production');
  }
  const say = (line: string): void => {
    process.stdout.write(`[seed] ${line}\n`);
  };
  say(`seeding the demo through ${BASE_URL}`);

  const adminAccount = await ensureAccount(DEMO_USERS.admin);
  let admin = adminAccount.session;
  if (!admin.roles.includes('platform_admin')) {
    await appointFirstAdmin(DEMO_USERS.admin);
    const again = await signIn(DEMO_USERS.admin);
    if (again === null || !again.roles.includes('platform_admin'))
      throw new SeedError('the demo admin did not get platform_admin');
    admin = again;
    say('demo_admin appointed platform_admin with the grant-role CLI');
  }
  const policy = await ensurePolicy(admin);
  await expectStatus(
    call('POST', '/api/accounts/me/policy-acceptances', { version: policy }, admin.accessToken),
    [204],
    'accepting the policy as the demo admin',
  );

  const analyst = (await ensureAccount(DEMO_USERS.analyst)).session;
  await ensurePlatformRole(
    admin,
    analyst,
    'security_analyst',
    'Demo seed: security analyst of the local demo',
  );

  const orgAdmin = await ensureInstitution((await ensureAccount(DEMO_USERS.orgAdmin)).session);
  const staff = (await ensureAccount(DEMO_USERS.orgStaff)).session;
  await ensureStaff(orgAdmin.session, orgAdmin.institutionId, staff);

  for (const candidate of [DEMO_USERS.candidate1, DEMO_USERS.candidate2, DEMO_USERS.candidate3]) {
    const { session } = await ensureAccount(candidate);
    if ('realName' in candidate) await ensureRealName(candidate, session);
  }
  say('demo ready');
  process.stdout.write(`${summary(orgAdmin.institutionId, policy)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[seed] demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
