import { Clock, WindowedCounter } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import { purgeBefore, type PurgeLimits } from '../database/purge';
import { CODE_DAY_MS } from './code-limits.policy';

/** Persistence of codes asked for and wrong codes entered per client IP, in day windows shared by every replica. */
@Injectable()
export class CodeIpCounterRepository {
  private readonly requests: WindowedCounter;
  private readonly wrong: WindowedCounter;

  constructor(
    private readonly dataSource: DataSource,
    env: AccountsEnv,
    clock: Clock,
  ) {
    const common = { windowMs: CODE_DAY_MS, now: () => clock.now() };
    this.requests = new WindowedCounter(dataSource, {
      ...common,
      table: 'code_ip_issues',
      digestSecret: `code-ip-requests:${env.CODE_HASH_KEY}`,
    });
    this.wrong = new WindowedCounter(dataSource, {
      ...common,
      table: 'code_ip_wrong_guesses',
      digestSecret: `code-ip-wrong:${env.CODE_HASH_KEY}`,
    });
  }

  requestsOf(ip: string): Promise<number> {
    return this.requests.count(ip);
  }

  addRequest(ip: string): Promise<void> {
    return this.requests.increment(ip);
  }

  wrongGuessesOf(ip: string): Promise<number> {
    return this.wrong.count(ip);
  }

  addWrongGuess(ip: string): Promise<void> {
    return this.wrong.increment(ip);
  }

  /** Retention: day windows that started before the cutoff (read for two days at most). */
  async purgeWindowsBefore(cutoff: Date, limits: PurgeLimits): Promise<number> {
    let purged = 0;
    for (const table of ['code_ip_issues', 'code_ip_wrong_guesses']) {
      purged += await purgeBefore(this.dataSource, { table, column: 'window_start' }, cutoff, limits);
    }
    return purged;
  }
}
