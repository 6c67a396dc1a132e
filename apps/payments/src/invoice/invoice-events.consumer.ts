import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { InvoiceLifecycleService } from './invoice-lifecycle.service';

/** Kafka edge of invoices: refunds (payments' own events) and account erasure, in the inbox transaction. */
@Controller()
export class InvoiceEventsConsumer {
  constructor(private readonly lifecycle: InvoiceLifecycleService) {}

  @OnEvent(Topics.OrderRefunded)
  async onOrderRefunded(
    @Payload() event: EventEnvelope<'payments.order.refunded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.lifecycle.onRefunded(ctx.manager, event.payload.orderId);
  }

  @OnEvent(Topics.ErasureRequested)
  async onErasureRequested(
    @Payload() event: EventEnvelope<'accounts.erasure.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.lifecycle.erase(ctx.manager, event.payload.userId);
  }
}
