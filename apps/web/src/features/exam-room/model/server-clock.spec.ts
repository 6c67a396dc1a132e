import { formatRemaining, phaseOf, ServerClock, warningCrossed } from './server-clock';

describe('ServerClock', () => {
  it('should follow the server time, not the local clock, from the middle of the round trip', () => {
    let local = 1_000_000;
    const clock = new ServerClock(() => local);
    // The local clock is 10 minutes slow; the request took 200 ms.
    const server = new Date(1_000_100 + 600_000).toISOString();
    clock.sync(server, 1_000_000, 1_000_200);
    local = 1_000_200;
    expect(clock.now()).toBe(1_000_200 + 600_000);
    expect(clock.remainingMs(new Date(clock.now() + 90_000).toISOString())).toBe(90_000);
  });

  it('should keep a precise sample over a much slower one', () => {
    const clock = new ServerClock(() => 0);
    clock.sync(new Date(5_050).toISOString(), 0, 100);
    clock.sync(new Date(99_999).toISOString(), 0, 5_000);
    expect(clock.offset).toBe(5_000);
  });

  it('should never count below zero', () => {
    const clock = new ServerClock(() => 10_000);
    expect(clock.remainingMs(new Date(5_000).toISOString())).toBe(0);
  });

  it('should ignore a server time it cannot read', () => {
    const clock = new ServerClock(() => 0);
    clock.sync('not a date', 0, 10);
    expect(clock.offset).toBe(0);
  });
});

describe('countdown', () => {
  it('should name the phase', () => {
    expect(phaseOf(301_000)).toBe('normal');
    expect(phaseOf(300_000)).toBe('five_minutes');
    expect(phaseOf(60_000)).toBe('one_minute');
    expect(phaseOf(0)).toBe('over');
  });

  it('should announce each mark once, when it is crossed', () => {
    expect(warningCrossed(301_000, 299_000)).toBe('five_minutes');
    expect(warningCrossed(299_000, 298_000)).toBeNull();
    expect(warningCrossed(61_000, 59_000)).toBe('one_minute');
    expect(warningCrossed(400_000, 30_000)).toBe('one_minute');
    expect(warningCrossed(500, 0)).toBe('over');
    expect(warningCrossed(0, 0)).toBeNull();
  });

  it('should format the time left, rounding up', () => {
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(61_000)).toBe('01:01');
    expect(formatRemaining(3_600_000 + 5_000)).toBe('1:00:05');
  });
});
