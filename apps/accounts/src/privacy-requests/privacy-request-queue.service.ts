import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import type { PrivacyRequestEntity } from './privacy-request.entity';
import { type PrivacyRequestQueueFilter, PrivacyRequestRepository } from './privacy-request.repository';
import { type PrivacyRequestStanding, standingOf } from './privacy-request-status';

export interface QueuedPrivacyRequest {
  readonly request: PrivacyRequestEntity;
  readonly standing: PrivacyRequestStanding;
}

/**
 * The platform's queue of data subjects' requests against their 15-day deadline. There is nothing for staff to
 * decide: this service answers an export and does its part of an erasure at once, and other services erase on
 * `accounts.erasure.requested`; the queue shows that every request was honoured in time, and any that was not.
 */
@Injectable()
export class PrivacyRequestQueueService {
  constructor(
    private readonly requests: PrivacyRequestRepository,
    private readonly clock: Clock,
  ) {}

  async list(filter: PrivacyRequestQueueFilter): Promise<{ items: QueuedPrivacyRequest[]; total: number }> {
    const now = this.clock.now();
    const page = await this.requests.queue(filter, now);
    return {
      items: page.items.map((request) => ({ request, standing: standingOf(request, now) })),
      total: page.total,
    };
  }
}
