import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { latestCode } from './mailbox';
import { DEMO, freshEmail, STRONG_PASSWORD } from './people';

export interface ApiSession {
  accessToken: string;
  userId: string;
}

export interface Candidate {
  login: string;
  password: string;
}

/** The privacy policy version in force, for a registration to accept (none published: nothing to accept). */
export async function policyVersion(request: APIRequestContext): Promise<{ acceptedPolicyVersion?: string }> {
  const response = await request.get('/api/accounts/privacy-policy');
  if (!response.ok()) return {};
  return { acceptedPolicyVersion: ((await response.json()) as { version: string }).version };
}

/** A new active account made through the public API (email channel, code from the dev mailbox). */
export async function createCandidate(
  request: APIRequestContext,
  nickname = '考生',
  email = freshEmail(),
): Promise<Candidate> {
  const started = await request.post('/api/accounts/registrations', {
    data: { email, password: STRONG_PASSWORD, nickname, ...(await policyVersion(request)) },
  });
  expect(started.status(), await started.text()).toBe(202);
  const { registrationId } = (await started.json()) as { registrationId: string };
  const verified = await request.post(`/api/accounts/registrations/${registrationId}/verify`, {
    data: { code: await latestCode(request, email) },
  });
  expect(verified.ok(), await verified.text()).toBe(true);
  return { login: email, password: STRONG_PASSWORD };
}

/** Signs in through the API (for test set-up and checks, not for the journey itself). */
export async function apiSignIn(
  request: APIRequestContext,
  login: string,
  password: string,
): Promise<ApiSession> {
  const response = await request.post('/api/accounts/auth/login', { data: { login, password } });
  expect(response.status(), `signing in ${login}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { accessToken: string; userId: string };
  return { accessToken: body.accessToken, userId: body.userId };
}

export function demoOrgAdmin(request: APIRequestContext): Promise<ApiSession> {
  return apiSignIn(request, DEMO.orgAdmin, DEMO.password);
}

export function bearer(session: ApiSession): { authorization: string } {
  return { authorization: `Bearer ${session.accessToken}` };
}

/** Signs in through the page, as the person would, and waits for the page after sign-in. */
export async function signInThroughPage(page: Page, candidate: Candidate, path = '/'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel(/手机号、邮箱或用户名|Phone, email or user name/).fill(candidate.login);
  await page.getByLabel(/^(密码|Password)$/).fill(candidate.password);
  await page
    .getByRole('main')
    .getByRole('button', { name: /^(登录|Sign in)$/ })
    .click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
