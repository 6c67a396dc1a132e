export interface FaceClock {
  now(): Date;
}

export const FACE_CLOCK = Symbol('FACE_CLOCK');

export const SYSTEM_FACE_CLOCK: FaceClock = { now: () => new Date() };

/** The UTC day an attempt counts against (daily limits reset at 00:00 UTC). */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
