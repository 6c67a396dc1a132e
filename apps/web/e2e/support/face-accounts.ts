import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { createCandidate, policyVersion as policyToAccept, signInThroughPage } from './accounts';
import { faceBase64 } from './fake-camera';

export interface TestAccount {
  email: string;
  password: string;
}

interface Token {
  accessToken: string;
}

interface Session extends Token {
  userId: string;
}

/** A new candidate account, registered and activated through the APIs (code from the dev mailbox). */
export async function registerAccount(request: APIRequestContext): Promise<TestAccount> {
  const candidate = await createCandidate(request, 'Face');
  return { email: candidate.login, password: candidate.password };
}

/** A session for API set-up, from a sign-in of the test's own request context (its own device). */
export async function apiSession(request: APIRequestContext, account: TestAccount): Promise<Session> {
  const response = await request.post('/api/accounts/auth/login', {
    data: { login: account.email, password: account.password },
    headers: { 'x-device-id': 'playwright-api-setup' },
  });
  expect(response.status(), 'an API sign-in without step-up').toBe(200);
  const { accessToken, userId } = (await response.json()) as Session;
  return { accessToken, userId };
}

/** An access token for API set-up (see apiSession). */
export async function apiToken(request: APIRequestContext, account: TestAccount): Promise<string> {
  return (await apiSession(request, account)).accessToken;
}

export async function policyVersion(request: APIRequestContext): Promise<string> {
  const { acceptedPolicyVersion } = await policyToAccept(request);
  if (acceptedPolicyVersion === undefined)
    throw new Error('no privacy policy is in force: did the demo seed run?');
  return acceptedPolicyVersion;
}

/** Signs in through the sign-in page (password only; a fresh account gets no step-up) and lands on `next`. */
export async function signInOnPage(page: Page, account: TestAccount, next = '/'): Promise<void> {
  await signInThroughPage(page, { login: account.email, password: account.password }, next);
  await expect(page).toHaveURL(new RegExp(`${next.replace(/\//g, '\\/')}$`));
}

/**
 * Cancels the account at the end of a journey (a refresh of the page's own session, then POST me/erasure):
 * identity then erases its real-name record, so the test person's ID number can be verified again next run.
 */
export async function eraseAccount(page: Page, account: TestAccount): Promise<void> {
  const refreshed = await page.request.post('/api/accounts/auth/refresh');
  if (!refreshed.ok()) return;
  const { accessToken } = (await refreshed.json()) as Token;
  const erased = await page.request.post('/api/accounts/me/erasure', {
    data: { currentPassword: account.password },
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(erased.status(), 'account erasure at the end of the journey').toBe(200);
}

/**
 * Cancels the account through the API alone (a fresh sign-in of the test's request context), for an afterEach
 * hook: Playwright runs those even after a journey timed out, so a test person's number is freed whatever
 * happened to the page.
 */
export async function eraseAccountByApi(request: APIRequestContext, account: TestAccount): Promise<void> {
  const { accessToken } = await apiSession(request, account);
  const erased = await request.post('/api/accounts/me/erasure', {
    data: { currentPassword: account.password },
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(erased.status(), 'account erasure at the end of the journey').toBe(200);
}

/** Consent to face biometrics (accounts) and a face enrolled from the person's first photo (identity). */
export async function enrolFace(request: APIRequestContext, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const consent = await request.put('/api/accounts/me/consents/face_biometrics', {
    headers,
    data: { granted: true },
  });
  expect(consent.status()).toBe(200);
  const enrolled = await request.post('/api/identity/face/enrolment', {
    headers,
    data: {
      image: faceBase64('bernadette/bernadette1.png'),
      consent: true,
      consentPolicyVersion: await policyVersion(request),
    },
  });
  expect(enrolled.status()).toBe(201);
}
