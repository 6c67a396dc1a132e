import { createHash } from 'node:crypto';

import { Clock, WindowedCounter } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IdentityEnv } from '../config/identity.env';
import { PRE_AUTH_IP_WINDOW_MS } from '../retention/retention-policy';
import { FaceTooManyFailuresFromNetworkError } from './face.errors';

/**
 * Face tickets are handed to anyone who types a login, so without a bound a stranger could spend many
 * accounts' daily face-failure budgets. Failed pre-sign-in checks are counted per client IP (keyed digest, in
 * the database, shared by replicas) and a network past the limit gets 429 before any face work.
 */
@Injectable()
export class PreAuthIpBudget {
  private readonly failures: WindowedCounter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: IdentityEnv,
    clock: Clock,
  ) {
    this.failures = new WindowedCounter(dataSource, {
      table: 'face_preauth_ip_failures',
      windowMs: PRE_AUTH_IP_WINDOW_MS,
      // Seeds the keyed IP digests; the face-check signing key is a secret identity already holds.
      digestSecret: createHash('sha256')
        .update('face-preauth-ip:')
        .update(env.FACE_CHECK_PRIVATE_KEY)
        .digest('hex'),
      now: () => clock.now(),
    });
  }

  async assertAllowed(ip: string): Promise<void> {
    const limit = this.env.FACE_PREAUTH_IP_FAILURES_PER_HOUR;
    if (limit > 0 && (await this.failures.count(ip)) >= limit)
      throw new FaceTooManyFailuresFromNetworkError();
  }

  recordFailure(ip: string): Promise<void> {
    return this.failures.increment(ip);
  }
}
