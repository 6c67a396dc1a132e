import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { RegistrationsService } from './registrations.service';

/** Kafka edge of payments: a paid order confirms (or, for an ended registration, refunds) a registration. */
@Controller()
export class PaymentConsumer {
  constructor(private readonly registrations: RegistrationsService) {}

  @OnEvent(Topics.OrderPaid)
  async onOrderPaid(
    @Payload() event: EventEnvelope<'payments.order.paid'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { registrationId } = event.payload;
    // Product orders (courses, materials) carry no registration: nothing to confirm here.
    if (registrationId === undefined) return;
    await this.registrations.paid(ctx.manager, { ...event.payload, registrationId });
  }
}
