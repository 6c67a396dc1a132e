import { Injectable } from '@nestjs/common';

import { AccountsEnv } from '../config/accounts.env';
import { LoginCounterRepository } from './login-counter.repository';

/**
 * Failed logins per client IP across all accounts in a sliding minute: password spraying touches many accounts
 * once each, which per-account locks never see. Counted in the database, so every replica sees the same
 * count (the gateway also rate-limits requests per IP).
 */
@Injectable()
export class IpThrottle {
  constructor(
    private readonly counters: LoginCounterRepository,
    private readonly env: AccountsEnv,
  ) {}

  async isThrottled(ip: string): Promise<boolean> {
    return (await this.counters.failuresOf(ip)) >= this.env.LOGIN_IP_FAILURES_PER_MINUTE;
  }

  recordFailure(ip: string): Promise<void> {
    return this.counters.addFailure(ip);
  }
}
