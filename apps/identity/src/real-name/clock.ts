export const CLOCK = Symbol('CLOCK');

/** Time as an adapter, so age and budget rules can be tested on any day. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
