import { type EventEnvelope, Topics } from '@exam/contracts';
import { Clock, EventBatchContext, OnEventBatch } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { AuditLogService } from '../audit-log/audit-log.service';
import { streamOf } from '../audit-log/audit-record.mapper';
import { platformRoleChangeRecord } from './platform-role-change.record';

type PlatformRoleChanged = EventEnvelope<'accounts.platform_role.changed'>;

/** Kafka edge: chains every platform role grant and revocation in the accounts stream, in the inbox transaction. */
@Controller()
export class PlatformRoleChangesConsumer {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
  ) {}

  @OnEventBatch(Topics.PlatformRoleChanged)
  async onPlatformRoleChanged(
    @Payload() events: readonly PlatformRoleChanged[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    await this.auditLog.appendMany(
      ctx.manager,
      streamOf(Topics.PlatformRoleChanged),
      events.map((e) => platformRoleChangeRecord(e)),
      this.clock.now(),
    );
  }
}
