import { type APIRequestContext, expect, test } from '@playwright/test';

import { type Candidate, policyVersion } from './accounts';
import { latestCode } from './mailbox';
import { DEMO, freshEmail, STRONG_PASSWORD } from './people';

/**
 * A fresh candidate for a journey (as accounts.ts's createCandidate makes one); when the platform refuses more
 * sign-ups from this machine today (the accounts service's per-IP limit on verification codes,
 * VERIFICATION.IP_LIMIT, shared by every test run on the machine), one of the demo seed's candidates instead,
 * noted on the test. The journey's exam is its own, so a demo candidate's attempt there disturbs nothing else.
 */
export async function journeyCandidate(
  request: APIRequestContext,
  nickname: string,
  fallbackLogin: string,
): Promise<Candidate> {
  const email = freshEmail();
  const started = await request.post('/api/accounts/registrations', {
    data: { email, password: STRONG_PASSWORD, nickname, ...(await policyVersion(request)) },
  });
  if (
    started.status() === 429 &&
    ((await started.json()) as { code?: string }).code === 'VERIFICATION.IP_LIMIT'
  ) {
    test.info().annotations.push({
      type: 'fallback',
      description: `sign-ups refused today (VERIFICATION.IP_LIMIT): ${fallbackLogin} sits the exam instead`,
    });
    return { login: fallbackLogin, password: DEMO.password };
  }
  expect(started.status(), await started.text()).toBe(202);
  const { registrationId } = (await started.json()) as { registrationId: string };
  const verified = await request.post(`/api/accounts/registrations/${registrationId}/verify`, {
    data: { code: await latestCode(request, email) },
  });
  expect(verified.ok(), await verified.text()).toBe(true);
  return { login: email, password: STRONG_PASSWORD };
}
