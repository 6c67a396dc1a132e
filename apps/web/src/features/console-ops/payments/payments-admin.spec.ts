import { canDecide, defaultReportRange, reportRangeProblem, requester, shanghaiDay } from './payments-admin';

describe('payments admin helpers', () => {
  it('puts an instant on its Shanghai day', () => {
    expect(shanghaiDay(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(shanghaiDay(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });

  it('starts the report at the last 30 Shanghai days', () => {
    expect(defaultReportRange(new Date('2026-03-30T17:00:00Z'))).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
    });
  });

  it('checks a range as the server does', () => {
    expect(reportRangeProblem('2026-03-01', '2026-03-01')).toBeNull();
    expect(reportRangeProblem('2028-01-01', '2028-12-31')).toBeNull();
    expect(reportRangeProblem('2028-01-01', '2029-01-01')).toBe('tooLong');
    expect(reportRangeProblem('2026-03-02', '2026-03-01')).toBe('reversed');
    expect(reportRangeProblem('2026-02-30', '2026-03-01')).toBe('notADate');
    expect(reportRangeProblem('', '2026-03-01')).toBe('notADate');
  });

  it('never lets an admin decide their own request', () => {
    expect(canDecide({ requestedBy: 'user:me' }, 'me')).toBe(false);
    expect(canDecide({ requestedBy: 'user:other' }, 'me')).toBe(true);
  });

  it('names the requester', () => {
    expect(requester('user:me', 'me')).toEqual({ kind: 'you', id: 'me' });
    expect(requester('user:abc', 'me')).toEqual({ kind: 'staff', id: 'abc' });
    expect(requester('service:exam', 'me')).toEqual({ kind: 'system', id: 'service:exam' });
  });
});
