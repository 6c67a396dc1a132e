import { type EventEnvelope, Topics } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { VerifiedCandidateService } from './verified-candidate.service';

/** Kafka edge of real-name verification: identity decides, exam keeps the masked result. */
@Controller()
export class VerificationConsumer {
  constructor(private readonly candidates: VerifiedCandidateService) {}

  @OnEvent(Topics.VerificationCompleted)
  async onVerificationCompleted(
    @Payload() event: EventEnvelope<'identity.verification.completed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.candidates.apply(ctx.manager, { ...event.payload, occurredAt: new Date(event.occurredAt) });
  }

  @OnEvent(Topics.RealNameAppealReviewed)
  async onAppealReviewed(
    @Payload() event: EventEnvelope<'identity.real_name_appeal.reviewed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const revoked = event.payload.revokedUserId;
    if (revoked !== undefined) await this.candidates.forget(ctx.manager, revoked);
  }

  @OnEvent(Topics.GuardianConsentWithdrawn)
  async onGuardianConsentWithdrawn(
    @Payload() event: EventEnvelope<'identity.guardian_consent.withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.candidates.forget(ctx.manager, event.payload.childUserId);
  }
}
