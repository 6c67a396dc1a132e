import { type ControlledAttempt, pausedFor, shiftedTimes, staffActionRefusal } from './staff-action';

const NOW = new Date('2026-06-01T10:00:00.000Z');
const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);
const running = (over: Partial<ControlledAttempt> = {}): ControlledAttempt => ({
  status: 'in_progress',
  pausedAt: null,
  deadlineAt: at(30),
  saveUntil: at(31),
  earliestSubmitAt: at(-20),
  ...over,
});

describe('staff actions on an attempt', () => {
  it('should allow every action that fits a running attempt', () => {
    for (const action of ['add_time', 'pause', 'terminate'] as const)
      expect(staffActionRefusal(action, running(), NOW)).toBeNull();
    expect(staffActionRefusal('resume', running({ pausedAt: at(-5) }), NOW)).toBeNull();
  });

  it('should refuse pausing twice and resuming what is not paused', () => {
    expect(staffActionRefusal('pause', running({ pausedAt: at(-1) }), NOW)).toBe('already_paused');
    expect(staffActionRefusal('resume', running(), NOW)).toBe('not_paused');
  });

  it('should refuse every action on a closed attempt, and all but terminate past the save window', () => {
    for (const status of ['submitted', 'graded', 'terminated'] as const)
      for (const action of ['add_time', 'pause', 'resume', 'terminate'] as const)
        expect(staffActionRefusal(action, running({ status }), NOW)).toBe('closed');
    const due = running({ deadlineAt: at(-2), saveUntil: at(-1) });
    expect(staffActionRefusal('add_time', due, NOW)).toBe('closed');
    expect(staffActionRefusal('pause', due, NOW)).toBe('closed');
    expect(staffActionRefusal('terminate', due, NOW)).toBeNull();
  });

  it('should let a paused attempt get time and be resumed even when its old save window has passed', () => {
    const paused = running({ pausedAt: at(-40), deadlineAt: at(-10), saveUntil: at(-9) });
    expect(staffActionRefusal('add_time', paused, NOW)).toBeNull();
    expect(staffActionRefusal('resume', paused, NOW)).toBeNull();
  });

  it('should move the deadline, the save window and the earliest submission by the same time', () => {
    const moved = shiftedTimes(running(), 5 * 60_000);

    expect(moved).toEqual({ deadlineAt: at(35), saveUntil: at(36), earliestSubmitAt: at(-15) });
    expect(pausedFor(at(-7), NOW)).toBe(7 * 60_000);
    expect(pausedFor(at(1), NOW)).toBe(0);
  });
});
