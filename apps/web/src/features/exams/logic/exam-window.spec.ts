import { beforeDeadline, registrationWindow, sittingWindow } from './exam-window';

const at = (iso: string) => new Date(iso);
const times = { opensAt: '2026-06-01T01:00:00.000Z', closesAt: '2026-06-01T04:00:00.000Z' };

describe('sitting window', () => {
  it('should not be open before the exam opens', () => {
    expect(sittingWindow(times, at('2026-06-01T00:59:59.999Z'))).toBe('not_open');
  });

  it('should be open from the opening time until the close', () => {
    expect(sittingWindow(times, at('2026-06-01T01:00:00.000Z'))).toBe('open');
    expect(sittingWindow(times, at('2026-06-01T03:59:59.000Z'))).toBe('open');
  });

  it('should be closed at and after the close', () => {
    expect(sittingWindow(times, at('2026-06-01T04:00:00.000Z'))).toBe('closed');
  });

  it('should close late entry once the late-entry minutes after opening have passed', () => {
    const late = { ...times, lateEntryMinutes: 30 };
    expect(sittingWindow(late, at('2026-06-01T01:29:00.000Z'))).toBe('open');
    expect(sittingWindow(late, at('2026-06-01T01:30:00.000Z'))).toBe('late_entry_closed');
    expect(sittingWindow(late, at('2026-06-01T05:00:00.000Z'))).toBe('closed');
  });

  it('should treat no late-entry limit (0) as open until the close', () => {
    expect(sittingWindow({ ...times, lateEntryMinutes: 0 }, at('2026-06-01T03:00:00.000Z'))).toBe('open');
  });
});

describe('registration window', () => {
  const exam = {
    practice: false,
    registrationOpensAt: '2026-05-01T00:00:00.000Z',
    registrationClosesAt: '2026-05-31T00:00:00.000Z',
  };

  it('should need no registration for a practice exam', () => {
    expect(registrationWindow({ ...exam, practice: true }, at('2026-05-10T00:00:00Z'))).toBe('not_needed');
  });

  it('should follow the registration dates', () => {
    expect(registrationWindow(exam, at('2026-04-30T23:59:59Z'))).toBe('not_open');
    expect(registrationWindow(exam, at('2026-05-10T00:00:00Z'))).toBe('open');
    expect(registrationWindow(exam, at('2026-05-31T00:00:00Z'))).toBe('closed');
  });

  it('should be closed when the exam has no registration dates', () => {
    expect(registrationWindow({ ...exam, registrationOpensAt: null }, at('2026-05-10T00:00:00Z'))).toBe(
      'closed',
    );
  });

  it('should allow a cancellation only before the registration deadline', () => {
    expect(beforeDeadline(exam.registrationClosesAt, at('2026-05-30T00:00:00Z'))).toBe(true);
    expect(beforeDeadline(exam.registrationClosesAt, at('2026-05-31T00:00:00Z'))).toBe(false);
    expect(beforeDeadline(null, at('2026-05-30T00:00:00Z'))).toBe(false);
  });
});
