import { type EventEnvelope, Topics } from '@exam/contracts';
import { Clock, EventBatchContext, OnEventBatch } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { AuditLogService } from '../audit-log/audit-log.service';
import { auditRecordOf, streamOf } from '../audit-log/audit-record.mapper';
import { type CredentialChange, CredentialChangeRecorder } from './credential-change.recorder';

type PasswordChanged = EventEnvelope<'accounts.password.changed'>;
type ContactChanged = EventEnvelope<'accounts.contact.changed'>;

/**
 * Kafka edge for password and contact changes: chain them, then remember the change in the user's
 * login history so that a sign-in from a new device soon after fires
 * `new_device_after_credential_change`. Both in the inbox transaction; the user's history row lock
 * orders this with the scoring of the user's login attempts.
 */
@Controller()
export class CredentialChangesConsumer {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly changes: CredentialChangeRecorder,
    private readonly clock: Clock,
  ) {}

  @OnEventBatch(Topics.PasswordChanged, { isolation: 'READ COMMITTED' })
  async onPasswordChanged(
    @Payload() events: readonly PasswordChanged[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    await this.auditLog.appendMany(
      ctx.manager,
      streamOf(Topics.PasswordChanged),
      events.map((e) => auditRecordOf(e)),
      this.clock.now(),
    );
    await this.changes.record(
      ctx.manager,
      events.map((e): CredentialChange => ({
        userId: e.payload.userId,
        at: new Date(e.payload.changedAt),
        kind: 'password',
      })),
    );
  }

  @OnEventBatch(Topics.ContactChanged, { isolation: 'READ COMMITTED' })
  async onContactChanged(
    @Payload() events: readonly ContactChanged[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    await this.auditLog.appendMany(
      ctx.manager,
      streamOf(Topics.ContactChanged),
      events.map((e) => auditRecordOf(e)),
      this.clock.now(),
    );
    await this.changes.record(
      ctx.manager,
      events.map((e): CredentialChange => ({
        userId: e.payload.userId,
        at: new Date(e.payload.changedAt),
        kind: e.payload.kind,
      })),
    );
  }
}
