import { planRoleChanges, revokesAdmin } from './role-plan';

describe(planRoleChanges.name, () => {
  it('should grant what is wanted and missing, and revoke what is held and not wanted', () => {
    const sut = planRoleChanges(['candidate', 'platform_admin'], ['security_analyst', 'candidate']);
    expect(sut).toEqual({
      roles: ['candidate', 'security_analyst'],
      changes: [
        { role: 'security_analyst', change: 'granted' },
        { role: 'platform_admin', change: 'revoked' },
      ],
    });
    expect(revokesAdmin(sut)).toBe(true);
  });

  it('should change nothing when the user already holds exactly these roles, in any order', () => {
    const sut = planRoleChanges(['candidate', 'security_analyst'], ['security_analyst', 'candidate']);
    expect(sut.changes).toEqual([]);
    expect(revokesAdmin(sut)).toBe(false);
  });

  it('should keep the roles in their canonical order and drop repeats', () => {
    const sut = planRoleChanges([], ['platform_admin', 'candidate', 'platform_admin']);
    expect(sut.roles).toEqual(['candidate', 'platform_admin']);
    expect(sut.changes).toEqual([
      { role: 'candidate', change: 'granted' },
      { role: 'platform_admin', change: 'granted' },
    ]);
  });
});
