import { erasureConsequences } from './erasure-consequences';

describe('erasureConsequences', () => {
  it('lists what a candidate loses, ending with the fact that it cannot be undone', () => {
    const keys = erasureConsequences({ memberships: [] }).map((c) => c.key);
    expect(keys[0]).toBe('erasure.consequences.signedOut');
    expect(keys.at(-1)).toBe('erasure.consequences.irreversible');
    expect(keys).not.toContain('erasure.consequences.memberships');
  });

  it('names the deadline other services erase by', () => {
    const other = erasureConsequences(undefined).find((c) => c.key === 'erasure.consequences.otherServices');
    expect(other?.values).toEqual({ days: 15 });
  });

  it('adds institution roles when the person holds any', () => {
    const lines = erasureConsequences({
      memberships: [
        { institutionId: 'a', institutionName: 'A', role: 'org_admin' },
        { institutionId: 'b', institutionName: 'B', role: 'proctor' },
      ],
    });
    expect(lines.find((c) => c.key === 'erasure.consequences.memberships')?.values).toEqual({ count: 2 });
  });
});
