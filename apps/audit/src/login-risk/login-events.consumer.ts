import { type EventEnvelope, Topics } from '@exam/contracts';
import { Clock, EventBatchContext, OnEventBatch } from '@exam/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import type { AuditRecord } from '../audit-log/audit-chain';
import { AuditLogService } from '../audit-log/audit-log.service';
import { auditRecordOf, loginStreamOf } from '../audit-log/audit-record.mapper';
import { LoginRiskService } from './login-risk.service';
import type { Assessment } from './risk-engine';

/** The attempt and the automated decision about it, in one chain entry. */
function withDecision(record: AuditRecord, assessment: Assessment): AuditRecord {
  return {
    ...record,
    attributes: {
      ...record.attributes,
      decision: assessment.decision,
      score: assessment.score,
      rulesFired: [...assessment.rulesFired],
    },
  };
}

/**
 * Kafka edge for login attempts: score the batch, then chain each attempt together with its
 * decision, in the one inbox transaction (READ COMMITTED: scoring serializes itself with row locks
 * on the sources and users it reads, see LoginRiskService).
 */
@Controller()
export class LoginEventsConsumer {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly loginRisk: LoginRiskService,
    private readonly clock: Clock,
  ) {}

  @OnEventBatch(Topics.LoginAttempted, { isolation: 'READ COMMITTED' })
  async onLoginAttempted(
    @Payload() events: readonly EventEnvelope<'accounts.login.attempted'>[],
    @Ctx() ctx: EventBatchContext,
  ): Promise<void> {
    const records = events.map((e) => auditRecordOf(e));
    const prepared = this.loginRisk.prepare(events);
    const head = await this.auditLog.lockHead(ctx.manager, loginStreamOf(ctx.deliveries[0]?.partition ?? 0));
    const now = this.clock.now();
    const assessments = await this.loginRisk.assessPrepared(ctx.manager, prepared, now);
    await this.auditLog.appendAt(
      ctx.manager,
      head,
      records.map((record, i) => withDecision(record, assessments[i])),
      now,
    );
  }
}
