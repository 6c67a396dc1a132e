import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { SecurityDecisionsService } from './security-decisions.service';

/** Kafka edge for decisions made in audit; payloads arrive validated against their contract class. */
@Controller()
export class SecurityDecisionsConsumer {
  constructor(private readonly decisions: SecurityDecisionsService) {}

  @OnEvent(Topics.LoginAssessed)
  async onLoginAssessed(
    @Payload() event: EventEnvelope<'audit.login.assessed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.decisions.enforceLoginDecision(
      ctx.manager,
      event.payload.userId,
      event.payload.attemptId,
      event.payload.decision,
    );
  }

  @OnEvent(Topics.AccountActionRequested)
  async onAccountAction(
    @Payload() event: EventEnvelope<'audit.account_action.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.decisions.applyAccountAction(ctx.manager, event.payload.userId, event.payload.action);
  }
}
