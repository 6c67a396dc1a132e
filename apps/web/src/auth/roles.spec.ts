import { hasPlatformRole, institutionsWithRole, SECURITY_ROLES, STAFF_ROLES } from './roles';
import type { Session } from './token-store';

const session = (roles: string[], memberships: Session['memberships'] = []): Session => ({
  accessToken: 'x',
  userId: 'u',
  sessionId: 's',
  expiresAt: 0,
  roles,
  memberships,
  policyAcceptanceRequired: null,
});

describe('roles', () => {
  it('lets security staff and platform admins into the security console, and nobody else', () => {
    expect(hasPlatformRole(session(['security_analyst']), SECURITY_ROLES)).toBe(true);
    expect(hasPlatformRole(session(['candidate', 'platform_admin']), SECURITY_ROLES)).toBe(true);
    expect(hasPlatformRole(session(['candidate']), SECURITY_ROLES)).toBe(false);
  });

  it('lists only the institutions where the person is staff', () => {
    const s = session(
      ['candidate'],
      [
        { institutionId: 'a', roles: ['org_staff'] },
        { institutionId: 'b', roles: ['proctor'] },
        { institutionId: 'c', roles: ['org_admin', 'org_staff'] },
      ],
    );
    expect(institutionsWithRole(s, STAFF_ROLES)).toEqual(['a', 'c']);
    expect(institutionsWithRole(session([]), STAFF_ROLES)).toEqual([]);
  });
});
