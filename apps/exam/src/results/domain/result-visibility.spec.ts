import { countedAttempt, passed } from './counted-attempt';
import { examReleaseVerdict, reviewVisible, scoreVisible } from './result-visibility';

const NOW = new Date('2026-06-01T10:00:00Z');
const BEFORE = new Date('2026-06-01T09:00:00Z');
const AFTER = new Date('2026-06-01T11:00:00Z');

describe('result visibility', () => {
  it('should release immediately-policy results at once', () => {
    const verdict = examReleaseVerdict({ policy: 'immediately', releaseAt: null, releasedAt: null }, NOW);
    expect(verdict).toEqual({ released: true });
    expect(scoreVisible('graded', verdict)).toBe(true);
    expect(scoreVisible('submitted', verdict)).toBe(false);
    expect(scoreVisible('terminated', verdict)).toBe(false);
  });

  it('should release at_date results from the date on and say when before it', () => {
    expect(examReleaseVerdict({ policy: 'at_date', releaseAt: AFTER, releasedAt: null }, NOW)).toEqual({
      released: false,
      reason: 'release_date',
      availableAt: AFTER,
    });
    expect(examReleaseVerdict({ policy: 'at_date', releaseAt: NOW, releasedAt: null }, NOW)).toEqual({
      released: true,
    });
    expect(examReleaseVerdict({ policy: 'at_date', releaseAt: BEFORE, releasedAt: null }, NOW).released).toBe(
      true,
    );
  });

  it('should release after_marking results only once staff released them', () => {
    const waiting = examReleaseVerdict({ policy: 'after_marking', releaseAt: null, releasedAt: null }, NOW);
    expect(waiting).toEqual({ released: false, reason: 'staff_release' });
    expect(scoreVisible('graded', waiting)).toBe(false);
    expect(
      examReleaseVerdict({ policy: 'after_marking', releaseAt: null, releasedAt: BEFORE }, NOW).released,
    ).toBe(true);
  });

  it('should allow review only where the exam allows it, and practice feedback once submitted', () => {
    const released = { released: true } as const;
    const held = { released: false, reason: 'staff_release' } as const;
    const exam = { practice: false, immediateFeedback: false, reviewAllowed: true };
    expect(reviewVisible('graded', exam, released)).toBe(true);
    expect(reviewVisible('graded', exam, held)).toBe(false);
    expect(reviewVisible('submitted', exam, released)).toBe(false);
    expect(reviewVisible('graded', { ...exam, reviewAllowed: false }, released)).toBe(false);
    const practice = { practice: true, immediateFeedback: true, reviewAllowed: false };
    expect(reviewVisible('submitted', practice, held)).toBe(true);
    expect(reviewVisible('graded', practice, released)).toBe(true);
    expect(reviewVisible('in_progress', practice, released)).toBe(false);
  });
});

describe('counted attempt', () => {
  const attempts = [
    { id: 'a1', attemptNo: 1, score: 6 },
    { id: 'a2', attemptNo: 2, score: 9 },
    { id: 'a3', attemptNo: 3, score: 9 },
    { id: 'a4', attemptNo: 4, score: null },
  ];

  it('should pick the best (earlier on a tie), the last graded or the first graded', () => {
    expect(countedAttempt(attempts, 'best')?.id).toBe('a2');
    expect(countedAttempt(attempts, 'last')?.id).toBe('a3');
    expect(countedAttempt(attempts, 'first')?.id).toBe('a1');
    expect(countedAttempt([attempts[3] ?? attempts[0]], 'best')).toBeNull();
  });

  it('should pass at or above the pass score', () => {
    expect(passed(60, 60)).toBe(true);
    expect(passed(59.99, 60)).toBe(false);
  });
});
