import { randomInt } from 'node:crypto';

import { seedPersonalData } from '@exam/testing';
import request from 'supertest';

/** Test data of the accounts e2e tests: accounts, contacts, client IPs, sessions. */

export const STRONG_PASSWORD = 'Correct-Horse-Battery-9';

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
  // The newest message with a code: security notices (no code) may arrive in between.
  const match = /(\d{6})/.exec(messages.find((m) => /\d{6}/.test(m.text))?.text ?? '');
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

/** The session after one refresh: a new access token (fresh memberships and policy gate) and the rotated cookie. */
export async function refreshed(url: string, session: LoggedIn): Promise<LoggedIn> {
  const response = await request(url)
    .post('/api/accounts/auth/refresh')
    .set('cookie', session.refreshCookie)
    .expect(200);
  return {
    ...session,
    accessToken: (response.body as { accessToken: string }).accessToken,
    refreshCookie: cookieFrom(response.headers['set-cookie'], 'exam_refresh'),
  };
}
