import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type AuditRecord, type ChainedEntry, hashEntry, type UnhashedEntry } from './audit-chain';
import {
  AppendOutsideTransactionError,
  AuditStreamHeadMissingError,
  InvalidAuditStreamError,
} from './audit-log.errors';
import { AuditLogRepository } from './audit-log.repository';
import { canonicalJson } from './canonical-json';
import { ChainKeyRing } from './chain-key-ring';

export const AUDIT_STREAM_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

/** A stream head locked in the current transaction; appendAt moves it on. */
export interface LockedStreamHead {
  readonly stream: string;
  seq: number;
  hash: string;
}

/**
 * Appends records to the hash chain. Must run inside the caller's transaction (the event's inbox
 * transaction or a staff action's), so the entries commit exactly when the things they record do.
 */
@Injectable()
export class AuditLogService {
  /** Streams whose head row is known to exist: created once, outside any transaction. */
  private readonly knownStreams = new Set<string>();

  constructor(
    private readonly entries: AuditLogRepository,
    private readonly keys: ChainKeyRing,
  ) {}

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
    if (!manager.queryRunner?.isTransactionActive) throw new AppendOutsideTransactionError();
    if (!AUDIT_STREAM_PATTERN.test(stream)) throw new InvalidAuditStreamError(stream);
    await this.ensureHead(stream);
    const head = await this.entries.lockHead(manager, stream);
    if (!head) throw new AuditStreamHeadMissingError(stream);
    return { ...head };
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
    const keyId = this.keys.activeKeyId;
    const key = this.keys.activeKey;
    const rows = records.map((record) => {
      seq += 1;
      const unhashed: UnhashedEntry = { ...record, stream, seq, recordedAt, prevHash, keyId };
      // The attributes column holds exactly the canonical text that was hashed: serialized once.
      const attributesJson = canonicalJson(record.attributes);
      const entry: ChainedEntry = { ...unhashed, hash: hashEntry(unhashed, key, attributesJson) };
      prevHash = entry.hash;
      return { entry, attributesJson };
    });
    await this.entries.insertEntries(manager, rows);
    await this.entries.moveHead(manager, { stream, seq, hash: prevHash });
    head.seq = seq;
    head.hash = prevHash;
    return rows.map((r) => r.entry);
  }

  /** Creates a missing head row once per stream and process, outside the transaction (see AuditLogRepository.ensureHead). */
  private async ensureHead(stream: string): Promise<void> {
    if (this.knownStreams.has(stream)) return;
    await this.entries.ensureHead(stream);
    this.knownStreams.add(stream);
  }
}
