import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Topics, type EventEnvelope } from '@exam/contracts';
import { EventBatchContext, OnEventBatch } from '@exam/platform';
import { AuditLogService } from '../audit-log/audit-log.service';
import { auditRecordOf, streamOf } from '../audit-log/audit-record.mapper';
import { LoginRiskService } from './login-risk.service';

/**
 * Kafka edge for login attempts: chain a batch of attempts, then score it, in the one inbox
 * transaction. Chaining first matters: the stream head lock it takes serializes the scoring of
 * batches from different partitions, so every event sees the history and failure windows left by
 * all events processed before it.
 */
@Controller()
export class LoginEventsConsumer {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly loginRisk: LoginRiskService,
  ) {}

  @OnEventBatch(Topics.LoginAttempted)
  async onLoginAttempted(@Payload() events: readonly EventEnvelope<'accounts.login.attempted'>[], @Ctx() ctx: EventBatchContext): Promise<void> {
    const records = events.map((e) => auditRecordOf(e));
    const prepared = this.loginRisk.prepare(events);
    await this.auditLog.appendMany(ctx.manager, streamOf(Topics.LoginAttempted), records);
    await this.loginRisk.assessPrepared(ctx.manager, prepared);
  }
}
