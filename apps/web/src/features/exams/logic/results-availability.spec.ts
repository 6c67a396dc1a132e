import { formatScore, resultsUnavailable } from './results-availability';

describe('results not available yet', () => {
  it('should say when results come out on a set date', () => {
    expect(
      resultsUnavailable('RESULT.NOT_RELEASED_YET', [
        { field: 'availableAt', reason: '2026-07-01T00:00:00.000Z' },
      ]),
    ).toEqual({ kind: 'release_date', availableAt: '2026-07-01T00:00:00.000Z' });
  });

  it('should not invent a date the server did not give', () => {
    expect(resultsUnavailable('RESULT.NOT_RELEASED_YET', undefined)).toEqual({
      kind: 'release_date',
      availableAt: null,
    });
    expect(resultsUnavailable('RESULT.NOT_RELEASED_YET', [{ field: 'availableAt', reason: 'soon' }])).toEqual(
      { kind: 'release_date', availableAt: null },
    );
  });

  it.each([
    ['RESULT.NOT_FOUND', 'not_sat'],
    ['RESULT.AWAITING_STAFF_RELEASE', 'awaiting_release'],
    ['RESULT.AWAITING_MARKING', 'awaiting_marking'],
    ['RESULT.ATTEMPT_OPEN', 'attempt_open'],
    ['RESULT.ATTEMPT_TERMINATED', 'terminated'],
    ['RESULT.REVIEW_NOT_ALLOWED', 'review_not_allowed'],
  ])('should explain %s', (code, kind) => {
    expect(resultsUnavailable(code, undefined)?.kind).toBe(kind);
  });

  it('should leave other failures to the error alert', () => {
    expect(resultsUnavailable('INTERNAL.UNEXPECTED', undefined)).toBeNull();
  });

  it('should show scores without float noise', () => {
    expect(formatScore(8)).toBe('8');
    expect(formatScore(7.5)).toBe('7.5');
    expect(formatScore(0.1 + 0.2)).toBe('0.3');
  });
});
