import { Injectable } from '@nestjs/common';

/** The time source, injectable so tests can move it (code expiry, lock windows). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
