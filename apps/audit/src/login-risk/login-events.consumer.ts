import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Topics, type EventEnvelope } from '@exam/contracts';
import { EventContext, OnEvent } from '@exam/platform';
import { AuditLogService } from '../audit-log/audit-log.service';
import { auditRecordOf, streamOf } from '../audit-log/audit-record.mapper';
import { LoginRiskService } from './login-risk.service';

/** Kafka edge for login attempts: chain the attempt, then score it, in the one inbox transaction. */
@Controller()
export class LoginEventsConsumer {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly loginRisk: LoginRiskService,
  ) {}

  @OnEvent(Topics.LoginAttempted)
  async onLoginAttempted(@Payload() event: EventEnvelope<'accounts.login.attempted'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.auditLog.append(ctx.manager, streamOf(event.type), auditRecordOf(event));
    await this.loginRisk.assess(ctx.manager, event);
  }
}
