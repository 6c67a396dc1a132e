import { generateKeyPairSync, randomInt } from 'node:crypto';

import { type TopicName, Topics } from '@exam/contracts';
import { ensureTopics, platformTopicSpecs, TopicNamer } from '@exam/platform';
import {
  allowFullValuesOn,
  createTestDatabase,
  KafkaProbe,
  type RunningService,
  seedPersonalData,
  startTestService,
  type TestDatabase,
  testJwtPublicKeys,
  testServiceEnv,
  uniqueTopicPrefix,
} from '@exam/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { AccountsModule } from '../src/accounts.module';
import { AccountsEnv } from '../src/config/accounts.env';

export const ACCOUNTS_TOPICS: readonly TopicName[] = [
  Topics.UserRegistered,
  Topics.LoginAttempted,
  Topics.SessionRevoked,
  Topics.MembershipChanged,
  Topics.InstitutionRegistered,
  Topics.LoginAssessed,
  Topics.AccountActionRequested,
  Topics.ConsentChanged,
  Topics.PasswordChanged,
  Topics.ContactChanged,
  // The outbox publishes in order: a topic missing here would hold back every later event.
  Topics.ErasureRequested,
  Topics.AccountsPersonalDataRevealed,
];

export const STRONG_PASSWORD = 'Correct-Horse-Battery-9';

export interface AccountsHarness {
  readonly service: RunningService;
  readonly data: DataSource;
  readonly names: TopicNamer;
  readonly probe: KafkaProbe;
  readonly publicKeyPem: string;
  close(): Promise<void>;
}

/** Boots the real accounts service (HTTP + Kafka) on its own database and topic prefix, with its own signing key. */
export async function startAccounts(overrides: Record<string, string> = {}): Promise<AccountsHarness> {
  const database: TestDatabase = await createTestDatabase('accounts');
  const prefix = uniqueTopicPrefix();
  const names = new TopicNamer(prefix);
  const probe = new KafkaProbe();
  await probe.withAdmin((admin) => ensureTopics(admin, platformTopicSpecs(names, 1, ACCOUNTS_TOPICS)));
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const publicKeys = {
    ...(JSON.parse(testJwtPublicKeys()) as Record<string, string>),
    'accounts-test': publicKeyPem,
  };
  const env = testServiceEnv(AccountsEnv, {
    databaseName: database.name,
    topicPrefix: prefix,
    overrides: {
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_KEY_ID: 'accounts-test',
      JWT_PUBLIC_KEYS: JSON.stringify(publicKeys),
      LOGIN_IP_FAILURES_PER_MINUTE: '10',
      // Tests fire attempts at machine speed; the quick-login rule is covered by the policy's unit tests.
      LOGIN_QUICK_LOGIN_CHECK_SECONDS: '0',
      ...overrides,
    },
  });
  // The development mailbox exists to show a developer the messages sent to an address, address included.
  allowFullValuesOn('GET', '/api/accounts/dev/mailbox');
  const service = await startTestService('accounts', env, AccountsModule.register(env));
  return {
    service,
    data: service.app.get(DataSource),
    names,
    probe,
    publicKeyPem,
    async close(): Promise<void> {
      await service.close();
      await probe.close();
      await database.drop();
    },
  };
}

let ipCounter = 0;
/** A fresh client IP per scenario (the service trusts X-Forwarded-For behind the gateway), so IP throttling stays per test. */
export function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter % 250}`;
}

/** The masking check fails the file if any of these comes back verbatim, except from the dev mailbox. */
export function randomPhone(): string {
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  seedPersonalData(phone);
  return phone;
}

export function randomEmail(): string {
  const email = `user${String(randomInt(0, 1_000_000_000))}@example.com`;
  seedPersonalData(email);
  return email;
}

export async function latestCode(url: string, to: string): Promise<string> {
  const response = await request(url).get('/api/accounts/dev/mailbox').query({ to }).expect(200);
  const messages = (response.body as { messages: { text: string }[] }).messages;
  const match = /(\d{6})/.exec(messages[0]?.text ?? '');
  if (match?.[1] === undefined) throw new Error(`no code in the mailbox of ${to}`);
  return match[1];
}

export interface Registered {
  readonly userId: string;
  readonly login: string;
  readonly password: string;
}

/** Registers and verifies an account with a phone (default) or an email. */
export async function registerActive(
  url: string,
  kind: 'phone' | 'email' = 'phone',
  password = STRONG_PASSWORD,
): Promise<Registered> {
  const contact = kind === 'phone' ? randomPhone() : randomEmail();
  const started = await request(url)
    .post('/api/accounts/registrations')
    .send({ [kind]: contact, password, nickname: 'tester' })
    .expect(202);
  const registrationId = (started.body as { registrationId: string }).registrationId;
  const code = await latestCode(url, kind === 'phone' ? `+86${contact}` : contact);
  await request(url).post(`/api/accounts/registrations/${registrationId}/verify`).send({ code }).expect(200);
  return { userId: registrationId, login: contact, password };
}

export interface LoggedIn {
  readonly accessToken: string;
  readonly refreshCookie: string;
  readonly sessionId: string;
}

export function cookieFrom(setCookie: unknown, name: string): string {
  const all = Array.isArray(setCookie)
    ? (setCookie as string[])
    : typeof setCookie === 'string'
      ? [setCookie]
      : [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  if (found === undefined) throw new Error(`no ${name} cookie set`);
  return found.split(';')[0] ?? '';
}

export async function login(
  url: string,
  who: { login: string; password: string },
  ip = freshIp(),
): Promise<LoggedIn> {
  const response = await request(url)
    .post('/api/accounts/auth/login')
    .set('x-forwarded-for', ip)
    .send({ login: who.login, password: who.password })
    .expect(200);
  const body = response.body as { accessToken: string; sessionId: string };
  return {
    accessToken: body.accessToken,
    sessionId: body.sessionId,
    refreshCookie: cookieFrom(response.headers['set-cookie'], 'exam_refresh'),
  };
}
