import { groupMemberships } from './memberships.reader';

describe('groupMemberships', () => {
  it('should give one entry per institution, in first-seen order, with its roles in row order', () => {
    const rows = [
      { institutionId: 'b', role: 'org_staff' as const },
      { institutionId: 'a', role: 'org_admin' as const },
      { institutionId: 'b', role: 'org_admin' as const },
    ];
    expect(groupMemberships(rows)).toEqual([
      { institutionId: 'b', roles: ['org_staff', 'org_admin'] },
      { institutionId: 'a', roles: ['org_admin'] },
    ]);
  });

  it('should give nothing for no rows', () => {
    expect(groupMemberships([])).toEqual([]);
  });
});
