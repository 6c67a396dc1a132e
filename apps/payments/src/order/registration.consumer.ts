import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { OrderPlacementService } from './order-placement.service';

/**
 * Kafka edge of exam: a registration with a fee gets its order, at the fee exam published; a cancelled one
 * gets no new order.
 */
@Controller()
export class RegistrationConsumer {
  constructor(private readonly placement: OrderPlacementService) {}

  @OnEvent(Topics.RegistrationCreated)
  async onRegistrationCreated(
    @Payload() event: EventEnvelope<'exam.registration.created'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.placement.createExamFeeOrder(ctx.manager, event.payload);
  }

  @OnEvent(Topics.RegistrationCancelled)
  async onRegistrationCancelled(
    @Payload() event: EventEnvelope<'exam.registration.cancelled'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.placement.registrationCancelled(ctx.manager, event.payload);
  }
}
