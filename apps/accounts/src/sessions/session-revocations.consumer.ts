import { type EventEnvelope, Topics } from '@exam/contracts';
import { OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { RevocationListService } from './revocation-list.service';

/** Kafka edge: every ended session goes onto the shared revocation list (a failed write is retried by redelivery). */
@Controller()
export class SessionRevocationsConsumer {
  constructor(private readonly revocationList: RevocationListService) {}

  @OnEvent(Topics.SessionRevoked)
  async onSessionRevoked(@Payload() event: EventEnvelope<'accounts.session.revoked'>): Promise<void> {
    await this.revocationList.record(event.payload.sessionIds);
  }
}
