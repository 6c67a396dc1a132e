import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import type { AccountsEnv } from '../config/accounts.env';
import { Clock } from '../shared/clock';

const WINDOW_MS = 60_000;
const MAX_TRACKED_IPS = 100_000;

/**
 * Failed logins per client IP across all accounts in a sliding minute: password spraying touches many accounts
 * once each, which per-account locks never see. Kept in memory per instance (the gateway also rate-limits).
 */
@Injectable()
export class IpThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    @Inject(ACCOUNTS_ENV) private readonly env: AccountsEnv,
    private readonly clock: Clock,
  ) {}

  isThrottled(ip: string): boolean {
    return this.recent(ip).length >= this.env.LOGIN_IP_FAILURES_PER_MINUTE;
  }

  recordFailure(ip: string): void {
    const recent = this.recent(ip);
    recent.push(this.clock.now().getTime());
    if (!this.failures.has(ip) && this.failures.size >= MAX_TRACKED_IPS) {
      const oldest = this.failures.keys().next();
      if (oldest.done !== true) this.failures.delete(oldest.value);
    }
    this.failures.set(ip, recent);
  }

  private recent(ip: string): number[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    return (this.failures.get(ip) ?? []).filter((at) => at > since);
  }
}
