import { formatRemaining, remainingNow, secondsSince } from './remaining-time';

describe('remaining time', () => {
  it('shows minutes and seconds under an hour, hours from one hour on', () => {
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(65)).toBe('01:05');
    expect(formatRemaining(3599)).toBe('59:59');
    expect(formatRemaining(3600)).toBe('1:00:00');
    expect(formatRemaining(2 * 3600 + 5 * 60 + 9)).toBe('2:05:09');
  });

  it('never shows negative or fractional time', () => {
    expect(formatRemaining(-30)).toBe('00:00');
    expect(formatRemaining(59.9)).toBe('00:59');
  });

  it('counts down from what the server said, and stays still while paused', () => {
    const serverTime = '2026-03-01T08:00:00.000Z';
    const tenSecondsLater = Date.parse(serverTime) + 10_000;
    expect(remainingNow(300, serverTime, tenSecondsLater, false)).toBe(290);
    expect(remainingNow(300, serverTime, tenSecondsLater, true)).toBe(300);
    expect(remainingNow(5, serverTime, tenSecondsLater, false)).toBe(0);
    // A browser clock behind the server's does not add time.
    expect(remainingNow(300, serverTime, Date.parse(serverTime) - 5_000, false)).toBe(300);
  });

  it('says how long ago the last save was, by the server clock', () => {
    expect(secondsSince(null, '2026-03-01T08:00:00.000Z')).toBeNull();
    expect(secondsSince('2026-03-01T07:59:20.000Z', '2026-03-01T08:00:00.000Z')).toBe(40);
    expect(secondsSince('2026-03-01T08:00:02.000Z', '2026-03-01T08:00:00.000Z')).toBe(0);
  });
});
