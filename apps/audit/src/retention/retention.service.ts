import { randomUUID } from 'node:crypto';

import { Clock, deleteInBatches } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import type { AuditEnv } from '../config/audit.env';
import { AUDIT_ENV } from '../config/audit-env.token';

export interface RetentionReport {
  readonly cutoff: string;
  readonly deleted: Readonly<Record<string, number>>;
}

/** Working windows are only needed as long as the longest detection window (a day is plenty). */
const SOURCE_WINDOW_RETENTION_MS = 86_400_000;
const BATCH = 5000;
const MAX_BATCHES = 1000;

/**
 * Deletes login data past its retention (assessments and per-user history after
 * AUDIT_LOGIN_LOG_RETENTION_DAYS, at least 180; failure windows after a day) and records what it
 * deleted as an entry of the chain. The chain itself holds no personal data and is never pruned.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLogService,
    @Inject(AUDIT_ENV) private readonly env: AuditEnv,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<RetentionReport> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.env.AUDIT_LOGIN_LOG_RETENTION_DAYS * 86_400_000);
    const deleted: Record<string, number> = {
      login_assessments: await this.deleteBefore('login_assessments', 'attempted_at', cutoff),
      login_profiles: await this.deleteBefore('login_profiles', 'updated_at', cutoff),
      login_source_failures: await this.deleteBefore(
        'login_source_failures',
        'failed_at',
        new Date(now.getTime() - SOURCE_WINDOW_RETENTION_MS),
      ),
      // Lock rows carry no data; one that is still in use is simply created again by the next batch.
      login_source_locks: await this.deleteBefore(
        'login_source_locks',
        'created_at',
        new Date(now.getTime() - SOURCE_WINDOW_RETENTION_MS),
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
            retentionDays: this.env.AUDIT_LOGIN_LOG_RETENTION_DAYS,
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
    const spec = { table, column, batchSize: BATCH, maxBatches: MAX_BATCHES };
    return (await deleteInBatches((sql, parameters) => this.dataSource.query(sql, parameters), spec, cutoff))
      .deleted;
  }
}
