import { Injectable } from '@nestjs/common';

import { IdentityEnv } from '../config/identity.env';
import { FaceTooManyFailuresFromNetworkError } from './face.errors';
import { PreAuthIpFailureRepository } from './pre-auth-ip-failure.repository';

/**
 * Face tickets are handed to anyone who types a login, so without a bound a stranger could spend many
 * accounts' daily face-failure budgets. Failed pre-sign-in checks are counted per client IP (keyed digest, in
 * the database, shared by replicas) and a network past the limit gets 429 before any face work. A check counts
 * as a failure in advance (atomically, so parallel checks cannot all pass one stale count) and gives it back
 * when it passes or ends without a decision.
 */
@Injectable()
export class PreAuthIpBudget {
  constructor(
    private readonly failures: PreAuthIpFailureRepository,
    private readonly env: IdentityEnv,
  ) {}

  async assertAllowed(ip: string): Promise<void> {
    const limit = this.env.FACE_PREAUTH_IP_FAILURES_PER_HOUR;
    if (limit > 0 && (await this.failures.countRecent(ip)) >= limit)
      throw new FaceTooManyFailuresFromNetworkError();
  }

  /** Runs one check under the network's budget; `failed` tells whether its result spends it. */
  async spend<T>(ip: string, check: () => Promise<T>, failed: (result: T) => boolean): Promise<T> {
    const limit = this.env.FACE_PREAUTH_IP_FAILURES_PER_HOUR;
    if (limit <= 0) {
      const result = await check();
      if (failed(result)) await this.failures.increment(ip);
      return result;
    }
    const window = await this.failures.reserve(ip, limit);
    if (window === null) throw new FaceTooManyFailuresFromNetworkError();
    let result: T;
    try {
      result = await check();
    } catch (error: unknown) {
      await this.failures.release(ip, window);
      throw error;
    }
    if (!failed(result)) await this.failures.release(ip, window);
    return result;
  }
}
