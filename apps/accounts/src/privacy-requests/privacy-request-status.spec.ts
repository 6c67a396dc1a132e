import { standingOf } from './privacy-request-status';

const DAY = 86_400_000;
const requestedAt = new Date('2026-12-01T00:00:00.000Z');
const deadlineAt = new Date(requestedAt.getTime() + 15 * DAY);

describe('standingOf', () => {
  it('should count the seconds left of an open request', () => {
    const now = new Date(deadlineAt.getTime() - 3600_000);
    expect(standingOf({ kind: 'export', requestedAt, deadlineAt, completedAt: null }, now)).toEqual({
      status: 'open',
      overdue: false,
      completedLate: false,
      secondsLeft: 3600,
    });
  });

  it('should call an open request past its deadline overdue', () => {
    const now = new Date(deadlineAt.getTime() + 1000);
    expect(standingOf({ kind: 'erasure', requestedAt, deadlineAt, completedAt: null }, now)).toMatchObject({
      status: 'open',
      overdue: true,
      secondsLeft: -1,
    });
  });

  it('should tell a completion after the deadline from one in time, and never call either overdue', () => {
    const now = new Date(deadlineAt.getTime() + 30 * DAY);
    const late = new Date(deadlineAt.getTime() + 1);
    expect(standingOf({ kind: 'erasure', requestedAt, deadlineAt, completedAt: late }, now)).toEqual({
      status: 'completed',
      overdue: false,
      completedLate: true,
      secondsLeft: null,
    });
    expect(
      standingOf({ kind: 'export', requestedAt, deadlineAt, completedAt: deadlineAt }, now),
    ).toMatchObject({
      status: 'completed',
      completedLate: false,
    });
  });
});
