import { Clock, WindowedCounter } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import { purgeBefore, type PurgeLimits } from '../database/purge';

/** Persistence of failed sign-ins per client IP, in one-minute windows shared by every replica. */
@Injectable()
export class LoginCounterRepository {
  private readonly failures: WindowedCounter;

  constructor(
    private readonly dataSource: DataSource,
    env: AccountsEnv,
    clock: Clock,
  ) {
    this.failures = new WindowedCounter(dataSource, {
      table: 'login_ip_failures',
      windowMs: 60_000,
      digestSecret: `login-ip:${env.CODE_HASH_KEY}`,
      now: () => clock.now(),
    });
  }

  /** Failed sign-ins from this IP in the sliding minute, on every replica. */
  failuresOf(ip: string): Promise<number> {
    return this.failures.count(ip);
  }

  addFailure(ip: string): Promise<void> {
    return this.failures.increment(ip);
  }

  /** Reserves one failure for each key and returns their counts, this reservation included. */
  reserve(keys: readonly string[]): Promise<number[]> {
    return this.failures.incrementAndCount(keys);
  }

  /** The attempt was not a failure after all: gives its reservations back. */
  release(keys: readonly string[]): Promise<void> {
    return this.failures.release(keys);
  }

  /** Retention: counting windows that started before the cutoff (read for two minutes at most). */
  async purgeWindowsBefore(cutoff: Date, limits: PurgeLimits): Promise<number> {
    return purgeBefore(
      this.dataSource,
      { table: 'login_ip_failures', column: 'window_start' },
      cutoff,
      limits,
    );
  }
}
