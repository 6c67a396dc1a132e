import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { latestCode } from './mailbox';
import { freshEmail, freshPhone, STRONG_PASSWORD } from './people';

export interface Candidate {
  /** The full phone number or email, as typed at sign-up (never expected on a page afterwards). */
  login: string;
  password: string;
}

/** A new, active account registered through the API (with the policy in force and the mailbox's code). */
export async function registerCandidate(
  request: APIRequestContext,
  by: 'phone' | 'email' = 'email',
): Promise<Candidate> {
  const login = by === 'phone' ? freshPhone() : freshEmail();
  const policy = await request.get('/api/accounts/privacy-policy');
  const accepted = policy.ok()
    ? { acceptedPolicyVersion: ((await policy.json()) as { version: string }).version }
    : {};
  const started = await request.post('/api/accounts/registrations', {
    data: { [by]: login, password: STRONG_PASSWORD, nickname: 'Web', ...accepted },
  });
  expect(started.status(), await started.text()).toBe(202);
  const { registrationId } = (await started.json()) as { registrationId: string };
  const verified = await request.post(`/api/accounts/registrations/${registrationId}/verify`, {
    data: { code: await latestCode(request, login) },
  });
  expect(verified.ok(), await verified.text()).toBe(true);
  return { login, password: STRONG_PASSWORD };
}

/** Signs in through the sign-in page and waits until the app has left it. */
export async function signInThroughPage(page: Page, candidate: Candidate, next = '/'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('手机号、邮箱或用户名').fill(candidate.login);
  await page.getByLabel('密码', { exact: true }).fill(candidate.password);
  await page.getByRole('main').getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
