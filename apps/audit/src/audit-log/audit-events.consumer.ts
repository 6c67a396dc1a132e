import { type EventEnvelope, type TopicName, Topics } from '@exam/contracts';
import { Clock, EventBatchContext, OnEventBatch } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { AuditLogService } from './audit-log.service';
import { auditRecordOf, streamOf } from './audit-record.mapper';

/**
 * Kafka edge: appends every security-relevant event to the chain in the inbox transaction, so a
 * redelivered event is never chained twice; a batch of a topic's events is one append. Login
 * attempts and credential changes are handled in login-risk, which also feeds them to scoring.
 * `audit.login.assessed` is not consumed back: each decision is chained in the same entry as the
 * attempt it decides, in the transaction that makes it.
 */
@Controller()
export class AuditEventsConsumer {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
  ) {}

  private async record<T extends TopicName>(
    topic: T,
    events: readonly EventEnvelope<T>[],
    ctx: EventBatchContext,
  ): Promise<void> {
    await this.auditLog.appendMany(
      ctx.manager,
      streamOf(topic),
      events.map((e) => auditRecordOf(e)),
      this.clock.now(),
    );
  }

  @OnEventBatch(Topics.UserRegistered)
  onUserRegistered(
    @Payload() events: readonly EventEnvelope<'accounts.user.registered'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.UserRegistered, events, ctx);
  }

  @OnEventBatch(Topics.AccountsPersonalDataRevealed)
  onAccountsReveal(
    @Payload() events: readonly EventEnvelope<'accounts.personal_data.revealed'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.AccountsPersonalDataRevealed, events, ctx);
  }

  @OnEventBatch(Topics.IdentityPersonalDataRevealed)
  onIdentityReveal(
    @Payload() events: readonly EventEnvelope<'identity.personal_data.revealed'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.IdentityPersonalDataRevealed, events, ctx);
  }

  @OnEventBatch(Topics.ExamPersonalDataRevealed)
  onExamReveal(
    @Payload() events: readonly EventEnvelope<'exam.personal_data.revealed'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.ExamPersonalDataRevealed, events, ctx);
  }

  @OnEventBatch(Topics.ErasureRequested)
  onErasureRequested(
    @Payload() events: readonly EventEnvelope<'accounts.erasure.requested'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.ErasureRequested, events, ctx);
  }

  @OnEventBatch(Topics.SessionRevoked)
  onSessionRevoked(
    @Payload() events: readonly EventEnvelope<'accounts.session.revoked'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.SessionRevoked, events, ctx);
  }

  @OnEventBatch(Topics.MembershipChanged)
  onMembershipChanged(
    @Payload() events: readonly EventEnvelope<'accounts.membership.changed'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.MembershipChanged, events, ctx);
  }

  @OnEventBatch(Topics.InstitutionRegistered)
  onInstitutionRegistered(
    @Payload() events: readonly EventEnvelope<'accounts.institution.registered'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.InstitutionRegistered, events, ctx);
  }

  @OnEventBatch(Topics.ConsentChanged)
  onConsentChanged(
    @Payload() events: readonly EventEnvelope<'accounts.consent.changed'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.ConsentChanged, events, ctx);
  }

  @OnEventBatch(Topics.MinorFlagged)
  onMinorFlagged(
    @Payload() events: readonly EventEnvelope<'identity.minor.flagged'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.MinorFlagged, events, ctx);
  }

  @OnEventBatch(Topics.GuardianConsentRecorded)
  onGuardianConsentRecorded(
    @Payload() events: readonly EventEnvelope<'identity.guardian_consent.recorded'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.GuardianConsentRecorded, events, ctx);
  }

  @OnEventBatch(Topics.GuardianConsentWithdrawn)
  onGuardianConsentWithdrawn(
    @Payload() events: readonly EventEnvelope<'identity.guardian_consent.withdrawn'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.GuardianConsentWithdrawn, events, ctx);
  }

  @OnEventBatch(Topics.RealNameAppealReviewed)
  onRealNameAppealReviewed(
    @Payload() events: readonly EventEnvelope<'identity.real_name_appeal.reviewed'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.RealNameAppealReviewed, events, ctx);
  }

  @OnEventBatch(Topics.VerificationCompleted)
  onVerificationCompleted(
    @Payload() events: readonly EventEnvelope<'identity.verification.completed'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.VerificationCompleted, events, ctx);
  }

  @OnEventBatch(Topics.RegistrationCreated)
  onRegistrationCreated(
    @Payload() events: readonly EventEnvelope<'exam.registration.created'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.RegistrationCreated, events, ctx);
  }

  @OnEventBatch(Topics.ProctoringStaffActionTaken)
  onProctoringStaffAction(
    @Payload() events: readonly EventEnvelope<'exam.proctoring.staff_action_taken'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.ProctoringStaffActionTaken, events, ctx);
  }

  @OnEventBatch(Topics.ProctoringConsequenceApplied)
  onProctoringConsequence(
    @Payload() events: readonly EventEnvelope<'exam.proctoring.consequence_applied'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.ProctoringConsequenceApplied, events, ctx);
  }

  @OnEventBatch(Topics.OrderPaid)
  onOrderPaid(
    @Payload() events: readonly EventEnvelope<'payments.order.paid'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.OrderPaid, events, ctx);
  }

  @OnEventBatch(Topics.PaymentStaffActionTaken)
  onPaymentStaffAction(
    @Payload() events: readonly EventEnvelope<'payments.staff.action_taken'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.PaymentStaffActionTaken, events, ctx);
  }

  @OnEventBatch(Topics.AlertRaised)
  onAlertRaised(
    @Payload() events: readonly EventEnvelope<'audit.alert.raised'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    return this.record(Topics.AlertRaised, events, ctx);
  }
}
