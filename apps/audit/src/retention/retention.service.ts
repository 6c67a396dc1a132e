import { randomUUID } from 'node:crypto';

import { Clock, deleteInBatches, type RetentionReport, type RetentionSweep } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import { AuditEnv } from '../config/audit.env';
import { retentionCutoffs, type RetentionSettings } from './retention-policy';

/** One retention pass as the on-demand endpoint reports it: the login-log cutoff and rows deleted per table. */
export interface AppliedRetention {
  readonly cutoff: string;
  readonly deleted: RetentionReport;
}

/** Upper bound of batches per table and pass, so one pass ends even if a backlog is huge. */
const MAX_BATCHES_PER_PASS = 1000;

/**
 * Deletes login data past its retention (see retention-policy) and records what it deleted as an entry
 * of the chain. Every delete is a bounded `DELETE … WHERE <time> < cutoff ORDER BY … LIMIT n`: locks are
 * held briefly while consumers keep writing, a pass is idempotent, and several replicas may run it at
 * once (rows are chosen by the predicate, not claimed; a deadlock between replicas reruns the batch).
 */
@Injectable()
export class RetentionService implements RetentionSweep {
  private readonly settings: RetentionSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
    private readonly env: AuditEnv,
  ) {
    this.settings = {
      loginLogDays: env.RETENTION_LOGIN_LOG_DAYS,
      sourceFailuresDays: env.RETENTION_SOURCE_FAILURES_DAYS,
    };
  }

  async sweep(): Promise<RetentionReport> {
    return (await this.apply()).deleted;
  }

  async apply(): Promise<AppliedRetention> {
    const now = this.clock.now();
    const cutoffs = retentionCutoffs(now, this.settings);
    const deleted: Record<string, number> = {
      login_assessments: await this.deleteBefore('login_assessments', 'attempted_at', cutoffs.loginLogs),
      login_profiles: await this.deleteBefore('login_profiles', 'updated_at', cutoffs.loginLogs),
      login_source_failures: await this.deleteBefore(
        'login_source_failures',
        'failed_at',
        cutoffs.sourceFailures,
      ),
      // Lock rows carry no data; one that is still in use is simply created again by the next batch.
      login_source_locks: await this.deleteBefore('login_source_locks', 'created_at', cutoffs.sourceFailures),
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
            cutoff: cutoffs.loginLogs.toISOString(),
            retentionDays: this.settings.loginLogDays,
            deleted,
          },
        },
        now,
      ),
    );
    return { cutoff: cutoffs.loginLogs.toISOString(), deleted };
  }

  private async deleteBefore(table: string, column: string, cutoff: Date): Promise<number> {
    const spec = {
      table,
      column,
      batchSize: this.env.RETENTION_BATCH_SIZE,
      maxBatches: MAX_BATCHES_PER_PASS,
    };
    return (await deleteInBatches((sql, parameters) => this.dataSource.query(sql, parameters), spec, cutoff))
      .deleted;
  }
}
