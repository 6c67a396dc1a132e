import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type Repository } from 'typeorm';

import { lockOrCreateRow } from '../database/lock-row';
import { type ChainedEntry, GENESIS_HASH } from './audit-chain';
import type { AuditEntryRow } from './audit-entry.row';
import { AuditStreamHeadEntity } from './audit-log-entry.entity';

/** Rows per INSERT statement: keeps each statement well under max_allowed_packet. */
const ROWS_PER_INSERT = 500;

const ENTRY_COLUMNS =
  'stream, seq, event_id, event_type, producer, occurred_at, recorded_at, trace_id, subject_user_id, actor_id, institution_id, ip_masked, attributes, prev_hash, mac_key_id, hash';
const ENTRY_PLACEHOLDERS = `(${ENTRY_COLUMNS.split(',')
  .map(() => '?')
  .join(', ')})`;

/** A stream's committed end: the last seq and its hash. */
export interface StreamHead {
  readonly stream: string;
  readonly seq: number;
  readonly hash: string;
}

/** An entry with its attributes as the exact canonical text that was hashed. */
export interface EntryToInsert {
  readonly entry: ChainedEntry;
  readonly attributesJson: string;
}

/** Filters of the log search; every one optional, combined with AND. */
export interface LogSearchFilter {
  readonly subjectUserId?: string;
  readonly institutionId?: string;
  readonly eventType?: string;
  /** ISO-8601 UTC, inclusive. */
  readonly occurredFrom?: string;
  /** ISO-8601 UTC, exclusive. */
  readonly occurredTo?: string;
  readonly ipMasked?: string;
  /** Keyset: entries strictly before this (occurred_at, stream, seq). */
  readonly before?: { readonly occurredAt: string; readonly stream: string; readonly seq: number };
}

interface HeadRow {
  last_seq: string | number;
  last_hash: string;
}

function entryValues({ entry, attributesJson }: EntryToInsert): unknown[] {
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
    entry.keyId,
    entry.hash,
  ];
}

/**
 * The hash chain's persistence: `audit_log_entries` (append-only) and `audit_stream_heads` (one row
 * per stream whose lock serializes appends). The append path is the ingestion hot path tuned by the
 * benches (ADR 0023): its statements are raw SQL and stay as measured.
 */
@Injectable()
export class AuditLogRepository {
  private readonly heads: Repository<AuditStreamHeadEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.heads = dataSource.getRepository(AuditStreamHeadEntity);
  }

  /**
   * Creates a missing head row in its own autocommit statement (raw: INSERT IGNORE), before any
   * transaction locks it: `SELECT … FOR UPDATE` on a missing row takes a gap lock, and concurrent first
   * appends to a new stream would then deadlock on their inserts.
   */
  async ensureHead(stream: string): Promise<void> {
    await this.dataSource.query(
      'INSERT IGNORE INTO audit_stream_heads (stream, last_seq, last_hash) VALUES (?, 0, ?)',
      [stream, GENESIS_HASH],
    );
  }

  /** Locks the stream's head row for the transaction, creating it if missing (raw: row lock, INSERT IGNORE). */
  async lockHead(manager: EntityManager, stream: string): Promise<StreamHead | undefined> {
    // The head row lock serializes appends per stream across partitions and replicas: seq stays gapless.
    const head = await lockOrCreateRow<HeadRow>(
      manager,
      ['SELECT last_seq, last_hash FROM audit_stream_heads WHERE stream = ? FOR UPDATE', [stream]],
      [
        'INSERT IGNORE INTO audit_stream_heads (stream, last_seq, last_hash) VALUES (?, 0, ?)',
        [stream, GENESIS_HASH],
      ],
    );
    return head && { stream, seq: Number(head.last_seq), hash: head.last_hash };
  }

  /** Raw: multi-row bulk insert on the ingestion hot path (ADR 0023). */
  async insertEntries(manager: EntityManager, rows: readonly EntryToInsert[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const slice = rows.slice(i, i + ROWS_PER_INSERT);
      await manager.query(
        `INSERT INTO audit_log_entries (${ENTRY_COLUMNS}) VALUES ${slice.map(() => ENTRY_PLACEHOLDERS).join(', ')}`,
        slice.flatMap(entryValues),
      );
    }
  }

  /** Raw: the head update of the ingestion hot path, under the lock taken by lockHead. */
  async moveHead(manager: EntityManager, head: StreamHead): Promise<void> {
    await manager.query('UPDATE audit_stream_heads SET last_seq = ?, last_hash = ? WHERE stream = ?', [
      head.seq,
      head.hash,
      head.stream,
    ]);
  }

  /** Every stream's committed head (no lock), in stream order. */
  async committedHeads(): Promise<StreamHead[]> {
    const rows = await this.heads.find({ order: { stream: 'ASC' } });
    return rows.map((r) => ({ stream: r.stream, seq: Number(r.lastSeq), hash: r.lastHash }));
  }

  /** Streams that have entries, whether or not they have a head row. */
  async entryStreams(): Promise<string[]> {
    const rows: { stream: string }[] = await this.dataSource.query(
      // Raw: a DISTINCT over the whole append-only table, read as plain strings.
      'SELECT DISTINCT stream FROM audit_log_entries',
    );
    return rows.map((r) => r.stream);
  }

  /** The MAC key id of one entry read in the transaction (null: a legacy unkeyed entry or none). */
  async keyIdAt(manager: EntityManager, stream: string, seq: number): Promise<string | null> {
    const rows: { mac_key_id: string | null }[] = await manager.query(
      // Raw: one column of one row by primary key, read inside the caller's head lock.
      'SELECT mac_key_id FROM audit_log_entries WHERE stream = ? AND seq = ?',
      [stream, seq],
    );
    return rows[0]?.mac_key_id ?? null;
  }

  /** The highest seq of every stream that has entries (committed, no lock). */
  async lastSeqs(): Promise<Map<string, number>> {
    // Raw: a grouped aggregate over the primary key, which the Repository API has no call for.
    const rows: { stream: string; hi: string | number }[] = await this.dataSource.query(
      'SELECT stream, MAX(seq) AS hi FROM audit_log_entries GROUP BY stream',
    );
    return new Map(rows.map((r) => [r.stream, Number(r.hi)]));
  }

  async lastSeq(stream: string): Promise<number> {
    // Raw: an aggregate the Repository API has no call for.
    const rows: { hi: string | number | null }[] = await this.dataSource.query(
      'SELECT MAX(seq) AS hi FROM audit_log_entries WHERE stream = ?',
      [stream],
    );
    return Number(rows[0]?.hi ?? 0);
  }

  /**
   * Entries of a stream with `after < seq <= upTo`, in seq order, as stored. Raw: the verifier hashes
   * the stored text of every row exactly as it is (bulk scan of the whole chain, page by page).
   */
  entriesBetween(stream: string, after: number, upTo: number): Promise<AuditEntryRow[]> {
    return this.dataSource.query(
      'SELECT * FROM audit_log_entries WHERE stream = ? AND seq > ? AND seq <= ? ORDER BY seq',
      [stream, after, upTo],
    );
  }

  /**
   * Newest first, keyset-paged on (occurred_at, stream, seq); returns up to `limit` rows as stored.
   * Raw: dynamic filters with a row-value keyset comparison, rows read by the chain's own row reader.
   */
  search(filter: LogSearchFilter, limit: number): Promise<AuditEntryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown): void => {
      where.push(clause);
      params.push(value);
    };
    if (filter.subjectUserId !== undefined) add('subject_user_id = ?', filter.subjectUserId);
    if (filter.institutionId !== undefined) add('institution_id = ?', filter.institutionId);
    if (filter.eventType !== undefined) add('event_type = ?', filter.eventType);
    if (filter.occurredFrom !== undefined) add('occurred_at >= ?', filter.occurredFrom);
    if (filter.occurredTo !== undefined) add('occurred_at < ?', filter.occurredTo);
    if (filter.ipMasked !== undefined) add('ip_masked = ?', filter.ipMasked);
    if (filter.before !== undefined) {
      where.push('(occurred_at, stream, seq) < (?, ?, ?)');
      params.push(filter.before.occurredAt, filter.before.stream, filter.before.seq);
    }
    return this.dataSource.query(
      `SELECT * FROM audit_log_entries ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
       ORDER BY occurred_at DESC, stream DESC, seq DESC LIMIT ?`,
      [...params, limit],
    );
  }
}
