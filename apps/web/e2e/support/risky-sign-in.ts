import { randomUUID } from 'node:crypto';

import { type APIRequestContext, expect } from '@playwright/test';

import { type ApiSession, type Candidate, createCandidate } from './accounts';
import { latestCode, messageCount } from './mailbox';

/** A sign-in through the API from the given device (the X-Device-Id of app clients). */
export function signInFromDevice(
  request: APIRequestContext,
  login: string,
  password: string,
  device: string,
) {
  return request.post('/api/accounts/auth/login', {
    headers: { 'x-device-id': device },
    data: { login, password },
  });
}

export interface RiskyCandidate {
  /** With the changed password. */
  candidate: Candidate;
  userId: string;
  /** The session of the sign-in that passed the extra check with its code. */
  session: ApiSession;
}

/**
 * A fresh candidate whose sign-in the risk engine answered with an extra check, the way it happens on this
 * platform: every request reaches accounts from 127.0.0.1 (the gateway does not trust X-Forwarded-For), so places
 * cannot differ, but devices can. The candidate signs in, changes the password, and signs in again from a new
 * device: new_device (20) and new_device_after_credential_change (50) fire, 70 ≥ the step-up score (40). Audit
 * learns of the password change from Kafka, so the new-device sign-in is repeated (each time from another new
 * device) until the engine has it.
 */
export async function candidateWithStepUp(
  request: APIRequestContext,
  nickname: string,
): Promise<RiskyCandidate> {
  const created = await createCandidate(request, nickname);
  const first = await signInFromDevice(
    request,
    created.login,
    created.password,
    `e2e-device-${randomUUID()}`,
  );
  expect(first.status(), await first.text()).toBe(200);
  const { accessToken, userId } = (await first.json()) as { accessToken: string; userId: string };
  const newPassword = `${created.password}-2`;
  const changed = await request.post('/api/accounts/me/password', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { currentPassword: created.password, newPassword },
  });
  expect(changed.status(), await changed.text()).toBe(204);

  const mailBefore = await messageCount(request, created.login);
  let challengeId: string | undefined;
  await expect
    .poll(
      async () => {
        const attempt = await signInFromDevice(
          request,
          created.login,
          newPassword,
          `e2e-device-${randomUUID()}`,
        );
        if (attempt.status() === 202)
          challengeId = ((await attempt.json()) as { challengeId: string }).challengeId;
        return attempt.status();
      },
      {
        timeout: 20_000,
        intervals: [500, 1000, 2000],
        message: 'a sign-in from a new device after the password change needs a code',
      },
    )
    .toBe(202);
  // The candidate passes the check with the code sent to them (a sign-in from the first device may be asked for
  // one too, now that the password changed, and a second code within a minute would be refused as too soon).
  const passed = await request.post('/api/accounts/auth/step-up', {
    data: { challengeId, code: await latestCode(request, created.login, mailBefore) },
  });
  expect(passed.status(), await passed.text()).toBe(200);
  const session = (await passed.json()) as ApiSession;
  return { candidate: { login: created.login, password: newPassword }, userId, session };
}
