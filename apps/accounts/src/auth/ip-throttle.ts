import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import type { AccountsEnv } from '../config/accounts.env';
import { Clock } from '../shared/clock';
import { IP_WINDOW_MS, slidingFailures, windowStart } from './ip-failure-window';
import { LoginIpFailureEntity } from './login-ip-failure.entity';

/**
 * Failed logins per client IP across all accounts in a sliding minute: password spraying touches many accounts
 * once each, which per-account locks never see. Counted in the database, so every replica sees the same
 * count (the gateway also rate-limits requests per IP).
 */
@Injectable()
export class IpThrottle {
  private readonly digestKey: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ACCOUNTS_ENV) private readonly env: AccountsEnv,
    private readonly clock: Clock,
  ) {
    this.digestKey = `login-ip:${env.CODE_HASH_KEY}`;
  }

  async isThrottled(ip: string): Promise<boolean> {
    return (await this.recentFailures(ip)) >= this.env.LOGIN_IP_FAILURES_PER_MINUTE;
  }

  /** Failed sign-ins from this IP in the sliding minute, on every replica. */
  async recentFailures(ip: string): Promise<number> {
    const now = this.clock.now();
    const current = windowStart(now);
    const previous = new Date(current.getTime() - IP_WINDOW_MS);
    const rows = await this.dataSource
      .getRepository(LoginIpFailureEntity)
      .createQueryBuilder('f')
      .select(['f.windowStart', 'f.failures'])
      .where('f.ip_digest = :digest AND f.window_start IN (:current, :previous)', { digest: this.digest(ip), current, previous })
      .getMany();
    const count = (start: Date): number => rows.find((r) => r.windowStart.getTime() === start.getTime())?.failures ?? 0;
    return slidingFailures(now, count(current), count(previous));
  }

  async recordFailure(ip: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO login_ip_failures (ip_digest, window_start, failures) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE failures = failures + 1',
      [this.digest(ip), windowStart(this.clock.now())],
    );
  }

  /** Keyed, so the table never holds a reversible IP (an IPv4 hash alone is easy to brute-force). */
  private digest(ip: string): string {
    return createHmac('sha256', this.digestKey).update(ip).digest('hex');
  }
}
