import { beijingDay, runStarter, statementDayProblem } from './statement-day';

describe('statement days', () => {
  it('should take the Beijing calendar day, which starts at 16:00 UTC', () => {
    expect(beijingDay(new Date('2026-12-07T15:59:59Z'))).toBe('2026-12-07');
    expect(beijingDay(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });

  it('should accept today and past days', () => {
    expect(statementDayProblem('2026-12-08', '2026-12-08')).toBeNull();
    expect(statementDayProblem(' 2024-02-29 ', '2026-12-08')).toBeNull();
  });

  it('should refuse a missing day, a day that is not on the calendar, and a future day', () => {
    expect(statementDayProblem(undefined, '2026-12-08')).toBe('missing');
    expect(statementDayProblem('', '2026-12-08')).toBe('missing');
    expect(statementDayProblem('2026-02-29', '2026-12-08')).toBe('invalid');
    expect(statementDayProblem('2026-1-5', '2026-12-08')).toBe('invalid');
    expect(statementDayProblem('2026-12-09', '2026-12-08')).toBe('future');
  });

  it('should tell the daily job from platform staff', () => {
    expect(runStarter('job')).toBe('job');
    expect(runStarter('staff:7b0c2a5e-0000-4000-8000-000000000000')).toBe('staff');
  });
});
