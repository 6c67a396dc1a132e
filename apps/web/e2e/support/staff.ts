import { type APIRequestContext, expect } from '@playwright/test';

import { type ApiSession, bearer, type Candidate, createCandidate, demoOrgAdmin } from './accounts';
import { institutionOf } from './exam-factory';
import { latestMatch, messageCount } from './mailbox';
import { STRONG_PASSWORD } from './people';

/** The institutions in which the session's token says the person is staff. */
function staffOf(session: ApiSession): string[] {
  const payload = session.accessToken.split('.')[1] ?? '';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    memberships?: { institutionId: string }[];
  };
  return (claims.memberships ?? []).map((m) => m.institutionId);
}

async function signIn(request: APIRequestContext, who: Candidate): Promise<ApiSession | null> {
  const response = await request.post('/api/accounts/auth/login', {
    data: { login: who.login, password: who.password },
  });
  if (response.status() !== 200) return null;
  return (await response.json()) as ApiSession;
}

/**
 * A staff member (org_staff) of the demo institution besides the seed's two, for journeys that need a third
 * person (a reconciling marker). Made once per platform and found again afterwards, like the seed's accounts:
 * registered through the public API if sign-in fails, invited by demo_org_admin and accepted through the
 * invitation mailed to it, unless its token already carries the membership.
 */
export async function demoStaffMember(
  request: APIRequestContext,
  name: string,
  nickname: string,
): Promise<Candidate & { institutionId: string }> {
  const admin = await demoOrgAdmin(request);
  const institutionId = institutionOf(admin);
  const email = `web-e2e.${name}@example.com`;
  const member = { login: email, password: STRONG_PASSWORD };
  const session =
    (await signIn(request, member)) ??
    (await signIn(request, await createCandidate(request, nickname, email)));
  expect(session, `signing in ${email}`).not.toBeNull();
  if (session === null || staffOf(session).includes(institutionId)) return { ...member, institutionId };

  const before = await messageCount(request, email);
  const invited = await request.post(`/api/accounts/institutions/${institutionId}/invitations`, {
    headers: bearer(admin),
    data: { email, role: 'org_staff' },
  });
  expect(invited.ok(), `inviting ${email}: ${await invited.text()}`).toBe(true);
  const token = await latestMatch(
    request,
    email,
    /token: ([A-Za-z0-9_-]{43})/,
    before,
    `the invitation to ${email}`,
  );
  const accepted = await request.post('/api/accounts/invitations/accept', {
    headers: bearer(session),
    data: { token },
  });
  expect(accepted.ok(), `accepting the invitation: ${await accepted.text()}`).toBe(true);
  return { ...member, institutionId };
}
