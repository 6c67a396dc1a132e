import { TestClock } from '@exam/testing';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuditRecord } from '../audit-log/audit-chain';
import type { AuditLogService } from '../audit-log/audit-log.service';
import { AuditEnv } from '../config/audit.env';
import type { BatchLimits } from '../database/batch-limits';
import type { LoginAssessmentRepository } from '../login-risk/login-assessment.repository';
import type { LoginHistoryRepository } from '../login-risk/login-history.repository';
import type { SourceFailureRepository } from '../login-risk/source-failure.repository';
import { RetentionService } from './retention.service';

/** A table of rows with times: a delete removes those before the cutoff and says how many. */
class FakeTable {
  constructor(private times: Date[]) {}

  deleteBefore(cutoff: Date, _limits: BatchLimits): Promise<number> {
    const before = this.times.length;
    this.times = this.times.filter((t) => t >= cutoff);
    return Promise.resolve(before - this.times.length);
  }

  get size(): number {
    return this.times.length;
  }
}

describe(RetentionService.name, () => {
  const clock = new TestClock('2026-12-01T00:00:00.000Z');
  const daysAgo = (days: number): Date => new Date(clock.nowMs() - days * 86_400_000);
  let assessments: FakeTable;
  let histories: FakeTable;
  let failures: FakeTable;
  let locks: FakeTable;
  let chained: AuditRecord[];
  let sut: RetentionService;

  beforeEach(() => {
    assessments = new FakeTable([daysAgo(200), daysAgo(181), daysAgo(10)]);
    histories = new FakeTable([daysAgo(365), daysAgo(1)]);
    failures = new FakeTable([daysAgo(2), new Date(clock.nowMs() - 3_600_000)]);
    locks = new FakeTable([daysAgo(3)]);
    chained = [];
    const dataSource = {
      transaction: <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => work({} as EntityManager),
    };
    const auditLog = {
      append: (_m: EntityManager, _stream: string, record: AuditRecord) => {
        chained.push(record);
        return Promise.resolve();
      },
    };
    sut = new RetentionService(
      dataSource as unknown as DataSource,
      {
        deleteAttemptedBefore: (c: Date, l: BatchLimits) => assessments.deleteBefore(c, l),
      } as unknown as LoginAssessmentRepository,
      {
        deleteUpdatedBefore: (c: Date, l: BatchLimits) => histories.deleteBefore(c, l),
      } as unknown as LoginHistoryRepository,
      {
        deleteFailuresBefore: (c: Date, l: BatchLimits) => failures.deleteBefore(c, l),
        deleteLocksBefore: (c: Date, l: BatchLimits) => locks.deleteBefore(c, l),
      } as unknown as SourceFailureRepository,
      auditLog as unknown as AuditLogService,
      clock,
      Object.assign(new AuditEnv(), { RETENTION_LOGIN_LOG_DAYS: 180, RETENTION_SOURCE_FAILURES_DAYS: 1 }),
    );
  });

  it('should delete login data past its period and keep the rest', async () => {
    const report = await sut.sweep();

    expect(report).toEqual({
      login_assessments: 2,
      login_profiles: 1,
      login_source_failures: 1,
      login_source_locks: 1,
    });
    expect([assessments.size, histories.size, failures.size, locks.size]).toEqual([1, 1, 1, 0]);
  });

  it('should record each pass in the chain with its cutoff and counts', async () => {
    const applied = await sut.apply();

    expect(applied.cutoff).toBe('2026-06-04T00:00:00.000Z');
    expect(chained).toHaveLength(1);
    expect(chained[0]).toMatchObject({
      eventType: 'audit.retention.applied',
      occurredAt: '2026-12-01T00:00:00.000Z',
      attributes: { cutoff: '2026-06-04T00:00:00.000Z', retentionDays: 180, deleted: applied.deleted },
    });
  });

  it('should find nothing more to delete on a second pass', async () => {
    await sut.sweep();

    const again = await sut.sweep();

    expect(Object.values(again).every((n) => n === 0)).toBe(true);
  });
});
