import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Topics, type EventEnvelope, type TopicName } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { AuditLogService } from './audit-log.service';
import { auditRecordOf, streamOf } from './audit-record.mapper';

/**
 * Kafka edge: appends every security-relevant event to the chain in the inbox transaction, so a
 * redelivered event is never chained twice. Login attempts are handled by LoginEventsConsumer,
 * which also scores them.
 */
@Controller()
export class AuditEventsConsumer {
  constructor(private readonly auditLog: AuditLogService) {}

  private async record<T extends TopicName>(event: EventEnvelope<T>, ctx: EventContext): Promise<void> {
    await this.auditLog.append(ctx.manager, streamOf(event.type), auditRecordOf(event));
  }

  @OnEvent(Topics.UserRegistered)
  onUserRegistered(@Payload() event: EventEnvelope<'accounts.user.registered'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.PasswordChanged)
  onPasswordChanged(@Payload() event: EventEnvelope<'accounts.password.changed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.ContactChanged)
  onContactChanged(@Payload() event: EventEnvelope<'accounts.contact.changed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.AccountsPersonalDataRevealed)
  onAccountsReveal(@Payload() event: EventEnvelope<'accounts.personal_data.revealed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.IdentityPersonalDataRevealed)
  onIdentityReveal(@Payload() event: EventEnvelope<'identity.personal_data.revealed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.ErasureRequested)
  onErasureRequested(@Payload() event: EventEnvelope<'accounts.erasure.requested'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.SessionRevoked)
  onSessionRevoked(@Payload() event: EventEnvelope<'accounts.session.revoked'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.MembershipChanged)
  onMembershipChanged(@Payload() event: EventEnvelope<'accounts.membership.changed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.InstitutionRegistered)
  onInstitutionRegistered(@Payload() event: EventEnvelope<'accounts.institution.registered'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.ConsentChanged)
  onConsentChanged(@Payload() event: EventEnvelope<'accounts.consent.changed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.MinorFlagged)
  onMinorFlagged(@Payload() event: EventEnvelope<'identity.minor.flagged'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.GuardianConsentRecorded)
  onGuardianConsentRecorded(@Payload() event: EventEnvelope<'identity.guardian_consent.recorded'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.RealNameAppealReviewed)
  onRealNameAppealReviewed(@Payload() event: EventEnvelope<'identity.real_name_appeal.reviewed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.VerificationCompleted)
  onVerificationCompleted(@Payload() event: EventEnvelope<'identity.verification.completed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.RegistrationCreated)
  onRegistrationCreated(@Payload() event: EventEnvelope<'exam.registration.created'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.OrderPaid)
  onOrderPaid(@Payload() event: EventEnvelope<'payments.order.paid'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.LoginAssessed)
  onLoginAssessed(@Payload() event: EventEnvelope<'audit.login.assessed'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }

  @OnEvent(Topics.AlertRaised)
  onAlertRaised(@Payload() event: EventEnvelope<'audit.alert.raised'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.record(event, ctx);
  }
}
