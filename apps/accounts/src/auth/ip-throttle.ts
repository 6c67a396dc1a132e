import { Injectable } from '@nestjs/common';

import { AccountsEnv } from '../config/accounts.env';
import { LoginCounterRepository } from './login-counter.repository';
import {
  type SignInThrottleLimits,
  throttleSourceOf,
  type ThrottleVerdict,
  throttleVerdict,
} from './sign-in-throttle.policy';

/** One attempt's reservation: its verdict and the counters to give back if it turns out not to be a failure. */
export interface ThrottleAdmission {
  readonly verdict: ThrottleVerdict;
  readonly keys: readonly string[];
}

/**
 * Failed sign-ins per (source, account) pair and per source across accounts, in a sliding minute counted in the
 * database so every replica sees the same counts. Every attempt reserves a failure before the password is
 * checked (parallel guesses cannot all pass one check) and gives it back when the password was right.
 */
@Injectable()
export class IpThrottle {
  private readonly limits: SignInThrottleLimits;

  constructor(
    private readonly counters: LoginCounterRepository,
    env: AccountsEnv,
  ) {
    this.limits = {
      pairFailures: env.LOGIN_PAIR_FAILURES_PER_MINUTE,
      sourceChallengeFailures: env.LOGIN_IP_FAILURES_PER_MINUTE,
      sourceBlockFailures: Math.max(env.LOGIN_IP_BLOCK_FAILURES_PER_MINUTE, env.LOGIN_IP_FAILURES_PER_MINUTE),
    };
  }

  /** `account`: the user id when the login names one, else the login as typed (unknown accounts count too). */
  async admit(ip: string, account: string): Promise<ThrottleAdmission> {
    const source = throttleSourceOf(ip);
    const keys = [source, `pair:${source}|${account}`];
    const [sourceCount = 0, pairCount = 0] = await this.counters.reserve(keys);
    return { verdict: throttleVerdict(pairCount, sourceCount, this.limits), keys };
  }

  release(admission: ThrottleAdmission): Promise<void> {
    return this.counters.release(admission.keys);
  }
}
