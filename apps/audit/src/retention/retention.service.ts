import { randomUUID } from 'node:crypto';

import { Clock, deleteInBatches } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import { AuditEnv } from '../config/audit.env';

export interface RetentionReport {
  readonly cutoff: string;
  readonly deleted: Readonly<Record<string, number>>;
}

const DAY_MS = 86_400_000;
const MAX_BATCHES = 1000;

/**
 * Deletes login data past its retention (assessments and per-user history after
 * RETENTION_LOGIN_LOG_DAYS, at least 180; failure windows after RETENTION_SOURCE_FAILURES_DAYS) and records what it
 * deleted as an entry of the chain. The chain itself holds no personal data and is never pruned.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLogService,
    private readonly env: AuditEnv,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<RetentionReport> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.env.RETENTION_LOGIN_LOG_DAYS * DAY_MS);
    const deleted: Record<string, number> = {
      login_assessments: await this.deleteBefore('login_assessments', 'attempted_at', cutoff),
      login_profiles: await this.deleteBefore('login_profiles', 'updated_at', cutoff),
      login_source_failures: await this.deleteBefore(
        'login_source_failures',
        'failed_at',
        new Date(now.getTime() - this.env.RETENTION_SOURCE_FAILURES_DAYS * DAY_MS),
      ),
      // Lock rows carry no data; one that is still in use is simply created again by the next batch.
      login_source_locks: await this.deleteBefore(
        'login_source_locks',
        'created_at',
        new Date(now.getTime() - this.env.RETENTION_SOURCE_FAILURES_DAYS * DAY_MS),
      ),
    };
    await this.dataSource.transaction((manager) =>
      this.auditLog.append(
        manager,
        'audit',
        {
          eventId: randomUUID(),
          eventType: 'audit.retention.applied',
          producer: 'audit',
          occurredAt: now.toISOString(),
          traceId: `retention-${now.toISOString()}`,
          subjectUserId: null,
          actorId: 'service:audit',
          institutionId: null,
          ipMasked: null,
          attributes: {
            cutoff: cutoff.toISOString(),
            retentionDays: this.env.RETENTION_LOGIN_LOG_DAYS,
            deleted,
          },
        },
        now,
      ),
    );
    return { cutoff: cutoff.toISOString(), deleted };
  }

  /** Small batches keep row locks short while consumers keep writing; a huge backlog finishes on the next run. */
  private async deleteBefore(table: string, column: string, cutoff: Date): Promise<number> {
    const spec = { table, column, batchSize: this.env.RETENTION_BATCH_SIZE, maxBatches: MAX_BATCHES };
    return (await deleteInBatches((sql, parameters) => this.dataSource.query(sql, parameters), spec, cutoff))
      .deleted;
  }
}
