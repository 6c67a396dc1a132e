import { notePolicyRefusal, versionToAccept } from './policy-requirement';
import { type Session, tokenStore } from './token-store';

const session: Session = {
  accessToken: 'a.b.c',
  userId: 'u',
  sessionId: 's',
  expiresAt: 0,
  roles: [],
  memberships: [],
  policyAcceptanceRequired: null,
};

describe('versionToAccept', () => {
  it('reads the version from the refusal details', () => {
    expect(
      versionToAccept({
        code: 'AUTH.POLICY_ACCEPTANCE_REQUIRED',
        details: [{ field: 'policyVersion', reason: '2026-2' }],
      }),
    ).toBe('2026-2');
  });

  it('falls back to the policy in force when the details name none', () => {
    expect(versionToAccept({ code: 'AUTH.POLICY_ACCEPTANCE_REQUIRED', details: undefined })).toBe('current');
  });

  it('ignores every other refusal', () => {
    expect(versionToAccept({ code: 'AUTH.FORBIDDEN', details: [] })).toBeNull();
  });
});

describe('notePolicyRefusal', () => {
  afterEach(() => {
    tokenStore.set(null);
  });

  it('marks the signed-in session so the acceptance page shows', () => {
    tokenStore.set(session);
    notePolicyRefusal({
      code: 'AUTH.POLICY_ACCEPTANCE_REQUIRED',
      details: [{ field: 'policyVersion', reason: '2026-2' }],
    });
    expect(tokenStore.get()?.policyAcceptanceRequired).toBe('2026-2');
  });

  it('leaves a visitor and other refusals alone', () => {
    notePolicyRefusal({ code: 'AUTH.POLICY_ACCEPTANCE_REQUIRED', details: [] });
    expect(tokenStore.get()).toBeNull();
    tokenStore.set(session);
    notePolicyRefusal({ code: 'ACCOUNT.CURRENT_PASSWORD_WRONG', details: [] });
    expect(tokenStore.get()?.policyAcceptanceRequired).toBeNull();
  });
});
