import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { lockOrCreateRow } from '../database/lock-row';
import {
  type AuditRecord,
  type ChainedEntry,
  GENESIS_HASH,
  hashEntry,
  type UnhashedEntry,
} from './audit-chain';
import { canonicalJson } from './canonical-json';

export const AUDIT_STREAM_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

/** Rows per INSERT statement: keeps each statement well under max_allowed_packet. */
const ROWS_PER_INSERT = 500;

const ENTRY_COLUMNS =
  'stream, seq, event_id, event_type, producer, occurred_at, recorded_at, trace_id, subject_user_id, actor_id, institution_id, ip_masked, attributes, prev_hash, hash';
const ENTRY_PLACEHOLDERS = `(${ENTRY_COLUMNS.split(',')
  .map(() => '?')
  .join(', ')})`;

/** A stream head locked in the current transaction; appendAt moves it on. */
export interface LockedStreamHead {
  readonly stream: string;
  seq: number;
  hash: string;
}

interface HeadRow {
  last_seq: string | number;
  last_hash: string;
}

function entryValues(entry: ChainedEntry, attributesJson: string): unknown[] {
  return [
    entry.stream,
    entry.seq,
    entry.eventId,
    entry.eventType,
    entry.producer,
    entry.occurredAt,
    entry.recordedAt,
    entry.traceId,
    entry.subjectUserId,
    entry.actorId,
    entry.institutionId,
    entry.ipMasked,
    attributesJson,
    entry.prevHash,
    entry.hash,
  ];
}

/**
 * Appends records to the hash chain. Must run inside the caller's transaction (the event's inbox
 * transaction or a staff action's), so the entries commit exactly when the things they record do.
 */
@Injectable()
export class AuditLogService {
  /** Streams whose head row is known to exist: created once, outside any transaction. */
  private readonly knownStreams = new Set<string>();

  constructor(private readonly dataSource: DataSource) {}

  async append(
    manager: EntityManager,
    stream: string,
    record: AuditRecord,
    now: Date,
  ): Promise<ChainedEntry> {
    const [entry] = await this.appendMany(manager, stream, [record], now);
    return entry;
  }

  /**
   * Appends the records in order under one lock of the stream head, with multi-row inserts: a batch
   * of events costs one lock wait and one commit instead of one each. Returns the entries in order.
   */
  async appendMany(
    manager: EntityManager,
    stream: string,
    records: readonly AuditRecord[],
    now: Date,
  ): Promise<ChainedEntry[]> {
    if (records.length === 0) return [];
    const head = await this.lockHead(manager, stream);
    return this.appendAt(manager, head, records, now);
  }

  /**
   * Locks the stream head for the rest of the transaction. Callers that must decide what to chain
   * under the lock (login scoring) lock first, then append with appendAt.
   */
  async lockHead(manager: EntityManager, stream: string): Promise<LockedStreamHead> {
    if (!manager.queryRunner?.isTransactionActive)
      throw new Error('AuditLogService.append must run inside a transaction');
    if (!AUDIT_STREAM_PATTERN.test(stream)) throw new Error(`Invalid audit stream name: ${stream}`);
    await this.ensureHead(stream);
    // The head row lock serializes appends per stream across partitions and replicas: seq stays gapless.
    const head = await lockOrCreateRow<HeadRow>(
      manager,
      ['SELECT last_seq, last_hash FROM audit_stream_heads WHERE stream = ? FOR UPDATE', [stream]],
      [
        'INSERT IGNORE INTO audit_stream_heads (stream, last_seq, last_hash) VALUES (?, 0, ?)',
        [stream, GENESIS_HASH],
      ],
    );
    if (!head) throw new Error(`Audit stream head ${stream} vanished`);
    return { stream, seq: Number(head.last_seq), hash: head.last_hash };
  }

  /** Appends after a head locked by lockHead in the same transaction, and moves the head on. */
  async appendAt(
    manager: EntityManager,
    head: LockedStreamHead,
    records: readonly AuditRecord[],
    now: Date,
  ): Promise<ChainedEntry[]> {
    if (records.length === 0) return [];
    const { stream } = head;
    const recordedAt = now.toISOString();
    let seq = head.seq;
    let prevHash = head.hash;
    const rows = records.map((record) => {
      seq += 1;
      const unhashed: UnhashedEntry = { ...record, stream, seq, recordedAt, prevHash };
      // The attributes column holds exactly the canonical text that was hashed: serialized once.
      const attributesJson = canonicalJson(record.attributes);
      const entry: ChainedEntry = { ...unhashed, hash: hashEntry(unhashed, attributesJson) };
      prevHash = entry.hash;
      return { entry, attributesJson };
    });
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const slice = rows.slice(i, i + ROWS_PER_INSERT);
      await manager.query(
        `INSERT INTO audit_log_entries (${ENTRY_COLUMNS}) VALUES ${slice.map(() => ENTRY_PLACEHOLDERS).join(', ')}`,
        slice.flatMap(({ entry, attributesJson }) => entryValues(entry, attributesJson)),
      );
    }
    await manager.query('UPDATE audit_stream_heads SET last_seq = ?, last_hash = ? WHERE stream = ?', [
      seq,
      prevHash,
      stream,
    ]);
    head.seq = seq;
    head.hash = prevHash;
    return rows.map((r) => r.entry);
  }

  /**
   * Creates a missing head row in its own autocommit statement before the transaction locks it:
   * `SELECT … FOR UPDATE` on a missing row takes a gap lock, and concurrent first appends to a new
   * stream would then deadlock on their inserts.
   */
  private async ensureHead(stream: string): Promise<void> {
    if (this.knownStreams.has(stream)) return;
    await this.dataSource.query(
      'INSERT IGNORE INTO audit_stream_heads (stream, last_seq, last_hash) VALUES (?, 0, ?)',
      [stream, GENESIS_HASH],
    );
    this.knownStreams.add(stream);
  }
}
