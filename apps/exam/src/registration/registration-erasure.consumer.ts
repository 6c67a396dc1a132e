import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { RegistrationErasureService } from './registration-erasure.service';

/** Kafka edge of account cancellation, in the inbox transaction: a replay erases nothing twice. */
@Controller()
export class RegistrationErasureConsumer {
  constructor(private readonly erasure: RegistrationErasureService) {}

  @OnEvent(Topics.ErasureRequested)
  async onErasureRequested(
    @Payload() event: EventEnvelope<'accounts.erasure.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.erasure.erase(ctx.manager, event.payload.userId);
  }
}
