import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { RefundRequestsService } from './refund-requests.service';

/** Kafka edge of exam: a cancelled, paid registration asks for its fee back (a signed command topic). */
@Controller()
export class RefundRequestConsumer {
  constructor(private readonly refunds: RefundRequestsService) {}

  @OnEvent(Topics.RefundRequested)
  async onRefundRequested(
    @Payload() event: EventEnvelope<'exam.refund.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.refunds.requestFromExam(ctx.manager, event.payload);
  }
}
