import { WindowedCounter } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';

/**
 * Failed logins per client IP across all accounts in a sliding minute: password spraying touches many accounts
 * once each, which per-account locks never see. Counted in the database, so every replica sees the same
 * count (the gateway also rate-limits requests per IP).
 */
@Injectable()
export class IpThrottle {
  private readonly failures: WindowedCounter;

  constructor(
    dataSource: DataSource,
    private readonly env: AccountsEnv,
    clock: Clock,
  ) {
    this.failures = new WindowedCounter(dataSource, {
      table: 'login_ip_failures',
      windowMs: 60_000,
      digestSecret: `login-ip:${env.CODE_HASH_KEY}`,
      now: () => clock.now(),
    });
  }

  async isThrottled(ip: string): Promise<boolean> {
    return (await this.recentFailures(ip)) >= this.env.LOGIN_IP_FAILURES_PER_MINUTE;
  }

  /** Failed sign-ins from this IP in the sliding minute, on every replica. */
  recentFailures(ip: string): Promise<number> {
    return this.failures.count(ip);
  }

  recordFailure(ip: string): Promise<void> {
    return this.failures.increment(ip);
  }
}
