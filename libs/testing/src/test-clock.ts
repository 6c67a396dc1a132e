import { Clock } from '@exam/platform';

/** A clock a test sets and moves; provide it in place of `Clock` (`{ provide: Clock, useValue: clock }`). */
export class TestClock extends Clock {
  private current: Date;

  constructor(start: Date | string = '2026-01-15T08:00:00.000Z') {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
