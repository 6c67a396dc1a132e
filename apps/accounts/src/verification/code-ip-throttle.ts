import { Injectable } from '@nestjs/common';

import { AccountsEnv } from '../config/accounts.env';
import { CodeIpCounterRepository } from './code-ip-counter.repository';
import { CodeIpLimitError } from './verification.errors';

/**
 * Codes asked for and wrong codes entered per client IP in a sliding day, across all accounts: one network
 * spreading guesses over many accounts, or flooding phones with codes, never meets the per-account limits.
 * Flows call it for every request, known account or not, so the answer never depends on the account.
 */
@Injectable()
export class CodeIpThrottle {
  constructor(
    private readonly counters: CodeIpCounterRepository,
    private readonly env: AccountsEnv,
  ) {}

  /** Refuses (429) when this IP asked for too many codes today, else counts this request. */
  async admitRequest(ip: string): Promise<void> {
    if ((await this.counters.requestsOf(ip)) >= this.env.CODE_IP_REQUESTS_PER_DAY)
      throw new CodeIpLimitError();
    await this.counters.addRequest(ip);
  }

  /** Refuses (429) when this IP entered too many wrong codes today. */
  async admitGuess(ip: string): Promise<void> {
    if ((await this.counters.wrongGuessesOf(ip)) >= this.env.CODE_IP_WRONG_PER_DAY)
      throw new CodeIpLimitError();
  }

  recordWrongGuess(ip: string): Promise<void> {
    return this.counters.addWrongGuess(ip);
  }
}
