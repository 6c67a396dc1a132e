import { mustAcceptPolicy } from './policy-gate';

describe('mustAcceptPolicy', () => {
  it('lets everything through when nothing is pending', () => {
    expect(mustAcceptPolicy(null, '/exams')).toBe(false);
    expect(mustAcceptPolicy(undefined, '/')).toBe(false);
    expect(mustAcceptPolicy('', '/account')).toBe(false);
  });

  it('stops every other page while a version waits for acceptance', () => {
    for (const path of ['/', '/exams', '/my/exams', '/account', '/identity', '/exam-room/1', '/privacyx']) {
      expect(mustAcceptPolicy('2026-2', path)).toBe(true);
    }
  });

  it('keeps the privacy centre and the policy texts open, so a person who disagrees can leave', () => {
    for (const path of ['/privacy', '/privacy/policy', '/privacy/policy/versions/2026-1']) {
      expect(mustAcceptPolicy('2026-2', path)).toBe(false);
    }
  });
});
