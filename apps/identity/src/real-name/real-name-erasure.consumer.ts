import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { FaceConsentService } from '../face';
import { RealNameErasureService } from './real-name-erasure.service';

/**
 * Kafka edge of account cancellation: real-name data and face data go in the same inbox transaction,
 * so a replay erases nothing twice and a failure leaves nothing half-erased.
 */
@Controller()
export class RealNameErasureConsumer {
  constructor(
    private readonly erasure: RealNameErasureService,
    private readonly faces: FaceConsentService,
  ) {}

  @OnEvent(Topics.ErasureRequested)
  async onErasureRequested(
    @Payload() event: EventEnvelope<'accounts.erasure.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.erasure.erase(ctx.manager, event.payload.userId);
    await this.faces.eraseUser(ctx.manager, event.payload.userId);
  }
}
