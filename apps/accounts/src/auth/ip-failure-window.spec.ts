import { slidingFailures, windowStart } from './ip-failure-window';

describe('sliding window of failed sign-ins per IP', () => {
  const minute = Date.UTC(2026, 10, 26, 12, 0, 0);

  it('should start windows on the minute', () => {
    expect(windowStart(new Date(minute + 59_999)).getTime()).toBe(minute);
    expect(windowStart(new Date(minute + 60_000)).getTime()).toBe(minute + 60_000);
  });

  it('should count the whole previous window at the start of a new one and none of it at its end', () => {
    expect(slidingFailures(new Date(minute), 0, 30)).toBe(30);
    expect(slidingFailures(new Date(minute + 45_000), 4, 20)).toBe(9);
    expect(slidingFailures(new Date(minute + 59_999), 2, 60)).toBeCloseTo(2.001, 3);
  });
});
