import { randomUUID } from 'node:crypto';

import { Clock, type RetentionReport, type RetentionSweep } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AuditLogService } from '../audit-log/audit-log.service';
import { AuditEnv } from '../config/audit.env';
import type { BatchLimits } from '../database/batch-limits';
import { LoginAssessmentRepository } from '../login-risk/login-assessment.repository';
import { LoginHistoryRepository } from '../login-risk/login-history.repository';
import { SourceFailureRepository } from '../login-risk/source-failure.repository';
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
  private readonly limits: BatchLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: LoginAssessmentRepository,
    private readonly histories: LoginHistoryRepository,
    private readonly failures: SourceFailureRepository,
    private readonly auditLog: AuditLogService,
    private readonly clock: Clock,
    env: AuditEnv,
  ) {
    this.settings = {
      loginLogDays: env.RETENTION_LOGIN_LOG_DAYS,
      sourceFailuresDays: env.RETENTION_SOURCE_FAILURES_DAYS,
    };
    this.limits = { batchSize: env.RETENTION_BATCH_SIZE, maxBatches: MAX_BATCHES_PER_PASS };
  }

  async sweep(): Promise<RetentionReport> {
    return (await this.apply()).deleted;
  }

  async apply(): Promise<AppliedRetention> {
    const now = this.clock.now();
    const cutoffs = retentionCutoffs(now, this.settings);
    const deleted: Record<string, number> = {
      login_assessments: await this.assessments.deleteAttemptedBefore(cutoffs.loginLogs, this.limits),
      login_profiles: await this.histories.deleteUpdatedBefore(cutoffs.loginLogs, this.limits),
      login_source_failures: await this.failures.deleteFailuresBefore(cutoffs.sourceFailures, this.limits),
      login_source_locks: await this.failures.deleteLocksBefore(cutoffs.sourceFailures, this.limits),
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
}
