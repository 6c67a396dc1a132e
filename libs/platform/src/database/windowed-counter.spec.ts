import type { DataSource } from 'typeorm';

import { slidingCount, WindowedCounter, windowStart } from './windowed-counter';

describe('sliding window counts', () => {
  const minute = Date.UTC(2026, 10, 26, 12, 0, 0);

  it('should start windows on the window length', () => {
    expect(windowStart(new Date(minute + 59_999), 60_000).getTime()).toBe(minute);
    expect(windowStart(new Date(minute + 60_000), 60_000).getTime()).toBe(minute + 60_000);
    expect(windowStart(new Date(minute + 1_800_000), 3_600_000).getTime()).toBe(minute);
  });

  it('should count the whole previous window at the start of a new one and none of it at its end', () => {
    expect(slidingCount(new Date(minute), 60_000, 0, 30)).toBe(30);
    expect(slidingCount(new Date(minute + 45_000), 60_000, 4, 20)).toBe(9);
    expect(slidingCount(new Date(minute + 59_999), 60_000, 2, 60)).toBeCloseTo(2.001, 3);
  });

  it('should refuse a table name that is not a plain identifier', () => {
    expect(
      () =>
        new WindowedCounter({} as DataSource, {
          table: 'x; DROP TABLE y',
          windowMs: 1,
          digestSecret: 's',
          now: () => new Date(0),
        }),
    ).toThrow('not a table name');
  });

  it('should call rows older than the previous window dead', () => {
    const sut = new WindowedCounter({} as DataSource, {
      table: 'login_ip_failures',
      windowMs: 60_000,
      digestSecret: 's',
      now: () => new Date(minute),
    });
    expect(sut.deadBefore(new Date(minute + 30_000)).getTime()).toBe(minute - 60_000);
  });
});
