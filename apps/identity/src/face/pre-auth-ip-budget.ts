import { Injectable } from '@nestjs/common';

import { IdentityEnv } from '../config/identity.env';
import { FaceTooManyFailuresFromNetworkError } from './face.errors';
import { PreAuthIpFailureRepository } from './pre-auth-ip-failure.repository';

/**
 * Face tickets are handed to anyone who types a login, so without a bound a stranger could spend many
 * accounts' daily face-failure budgets. Failed pre-sign-in checks are counted per client IP (keyed digest, in
 * the database, shared by replicas) and a network past the limit gets 429 before any face work.
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

  recordFailure(ip: string): Promise<void> {
    return this.failures.increment(ip);
  }
}
