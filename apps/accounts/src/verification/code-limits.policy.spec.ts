import {
  CODE_DAY_MS,
  type CodeLimits,
  currentDay,
  guessesLeft,
  mayIssue,
  resendCooldownSeconds,
} from './code-limits.policy';

const limits: CodeLimits = { resendCooldownSeconds: 60, maxIssuedPerDay: 4, maxWrongPerDay: 10 };
const t0 = new Date('2026-12-07T00:00:00.000Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

describe('code limits policy', () => {
  it('should double the resend cooldown with every code sent today', () => {
    expect([0, 1, 2, 3, 4].map((n) => resendCooldownSeconds(limits, n))).toEqual([0, 60, 120, 240, 480]);
  });

  it('should refuse a resend within the grown cooldown and allow it after', () => {
    const day = { dayStartedAt: t0, issuedToday: 2, wrongToday: 0 };
    expect(mayIssue(limits, day, at(0), at(100))).toEqual({
      allowed: false,
      reason: 'cooldown',
      waitSeconds: 20,
    });
    expect(mayIssue(limits, day, at(0), at(120))).toEqual({ allowed: true });
  });

  it('should refuse any code once the day has used up its codes or its wrong guesses, until the day ends', () => {
    const sent = { dayStartedAt: t0, issuedToday: 4, wrongToday: 0 };
    expect(mayIssue(limits, sent, at(0), at(3600))).toEqual({
      allowed: false,
      reason: 'daily_limit',
      waitSeconds: 86_400 - 3600,
    });
    const guessed = { dayStartedAt: t0, issuedToday: 1, wrongToday: 10 };
    expect(mayIssue(limits, guessed, at(0), at(3600))).toMatchObject({
      allowed: false,
      reason: 'daily_limit',
    });
    const next = currentDay(sent, new Date(t0.getTime() + CODE_DAY_MS));
    expect(next).toEqual({
      dayStartedAt: new Date(t0.getTime() + CODE_DAY_MS),
      issuedToday: 0,
      wrongToday: 0,
    });
    expect(mayIssue(limits, next, at(0), new Date(t0.getTime() + CODE_DAY_MS))).toEqual({ allowed: true });
  });

  it('should keep the day counters within the day', () => {
    const day = { dayStartedAt: t0, issuedToday: 3, wrongToday: 7 };
    expect(currentDay(day, at(86_399))).toBe(day);
  });

  it('should leave the fewer of the guesses left on the code and today', () => {
    expect(guessesLeft(limits, 5, 0, { dayStartedAt: t0, issuedToday: 3, wrongToday: 8 })).toBe(2);
    expect(guessesLeft(limits, 5, 4, { dayStartedAt: t0, issuedToday: 1, wrongToday: 4 })).toBe(1);
    expect(guessesLeft(limits, 5, 5, { dayStartedAt: t0, issuedToday: 1, wrongToday: 12 })).toBe(0);
  });
});
