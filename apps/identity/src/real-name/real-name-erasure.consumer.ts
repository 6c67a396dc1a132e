import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Topics, type EventEnvelope } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { RealNameErasureService } from './real-name-erasure.service';

/** Kafka edge of account cancellation; writes go through the inbox transaction, so a replay erases nothing twice. */
@Controller()
export class RealNameErasureConsumer {
  constructor(private readonly erasure: RealNameErasureService) {}

  @OnEvent(Topics.ErasureRequested)
  async onErasureRequested(@Payload() event: EventEnvelope<'accounts.erasure.requested'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.erasure.erase(ctx.manager, event.payload.userId);
  }
}
