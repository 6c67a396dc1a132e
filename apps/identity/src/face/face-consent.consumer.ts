import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { FaceConsentService } from './face-consent.service';

/** Kafka edge of face-biometrics consent: accounts owns consents, identity obeys them. */
@Controller()
export class FaceConsentConsumer {
  constructor(private readonly consents: FaceConsentService) {}

  @OnEvent(Topics.ConsentChanged)
  async onConsentChanged(
    @Payload() event: EventEnvelope<'accounts.consent.changed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { payload } = event;
    if (payload.purpose !== 'face_biometrics') return;
    await this.consents.apply(ctx.manager, {
      userId: payload.userId,
      granted: payload.granted,
      policyVersion: payload.policyVersion,
      changedAt: new Date(payload.changedAt),
    });
  }
}
