import { Injectable } from '@nestjs/common';

/**
 * The one time source of every service, injected by its class (PlatformModule provides the system clock
 * globally). Domain code takes `now` from it, never from `new Date()`, so tests can set the day.
 */
export abstract class Clock {
  abstract now(): Date;

  nowMs(): number {
    return this.now().getTime();
  }
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
