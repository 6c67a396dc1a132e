import { randomBytes, randomUUID } from 'node:crypto';

import { TestClock } from '@exam/testing';
import type { EntityManager } from 'typeorm';

import { type AuditRecord, GENESIS_HASH, StreamChainWalker } from './audit-chain';
import { AuditLogErrorCode } from './audit-log.errors';
import type { AuditLogRepository, EntryToInsert, StreamHead } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';
import { ChainKeyRing } from './chain-key-ring';

/** The two tables in memory: heads by stream and the appended entries. */
class InMemoryAuditLog {
  readonly heads = new Map<string, StreamHead>();
  readonly entries: EntryToInsert[] = [];

  ensureHead(stream: string): Promise<void> {
    if (!this.heads.has(stream)) this.heads.set(stream, { stream, seq: 0, hash: GENESIS_HASH });
    return Promise.resolve();
  }

  lockHead(_manager: EntityManager, stream: string): Promise<StreamHead | undefined> {
    return Promise.resolve(this.heads.get(stream));
  }

  insertEntries(_manager: EntityManager, rows: readonly EntryToInsert[]): Promise<void> {
    this.entries.push(...rows);
    return Promise.resolve();
  }

  moveHead(_manager: EntityManager, head: StreamHead): Promise<void> {
    this.heads.set(head.stream, head);
    return Promise.resolve();
  }
}

const inTransaction = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;

function record(n: number): AuditRecord {
  return {
    eventId: randomUUID(),
    eventType: 'accounts.user.registered',
    producer: 'accounts',
    occurredAt: '2026-01-15T07:59:00.000Z',
    traceId: `trace-${n}`,
    subjectUserId: randomUUID(),
    actorId: null,
    institutionId: null,
    ipMasked: null,
    attributes: { kind: 'candidate', n },
  };
}

describe(AuditLogService.name, () => {
  let log: InMemoryAuditLog;
  let sut: AuditLogService;
  const clock = new TestClock('2026-01-15T08:00:00.000Z');
  const keys = new ChainKeyRing([randomBytes(32)]);

  beforeEach(() => {
    log = new InMemoryAuditLog();
    sut = new AuditLogService(log as unknown as AuditLogRepository, keys);
  });

  it('should chain appends of several batches into one gapless, verifiable stream and move its head', async () => {
    await sut.appendMany(inTransaction, 'accounts', [record(1), record(2)], clock.now());
    await sut.append(inTransaction, 'accounts', record(3), clock.now());

    const walker = new StreamChainWalker('accounts', keys);
    for (const { entry, attributesJson } of log.entries) walker.accept(entry, attributesJson);
    walker.checkHead(log.heads.get('accounts')?.seq ?? 0, log.heads.get('accounts')?.hash ?? '');
    walker.checkKeyedEnd();
    expect(walker.firstBreak).toBeUndefined();
    expect(log.entries.every((e) => e.entry.keyId === keys.activeKeyId)).toBe(true);
    expect(log.entries.map((e) => [e.entry.seq, e.entry.recordedAt])).toEqual([
      [1, '2026-01-15T08:00:00.000Z'],
      [2, '2026-01-15T08:00:00.000Z'],
      [3, '2026-01-15T08:00:00.000Z'],
    ]);
  });

  it('should refuse to append outside a transaction', async () => {
    const outside = { queryRunner: undefined } as unknown as EntityManager;

    await expect(sut.append(outside, 'accounts', record(1), clock.now())).rejects.toMatchObject({
      code: AuditLogErrorCode.OUTSIDE_TRANSACTION.code,
    });
    expect(log.entries).toHaveLength(0);
  });

  it('should refuse a stream name that is not a valid audit stream', async () => {
    await expect(sut.append(inTransaction, 'Accounts; DROP', record(1), clock.now())).rejects.toMatchObject({
      code: AuditLogErrorCode.INVALID_STREAM.code,
    });
  });
});
