import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { lockOrCreateRow } from '../database/lock-row';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, hashEntry, type AuditRecord, type ChainedEntry } from './audit-chain';

export const AUDIT_STREAM_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

interface HeadRow {
  last_seq: string | number;
  last_hash: string;
}

/**
 * Appends records to the hash chain. Must run inside the caller's transaction (the event's inbox
 * transaction or a staff action's), so the entry commits exactly when the thing it records does.
 */
@Injectable()
export class AuditLogService {
  async append(manager: EntityManager, stream: string, record: AuditRecord, now: Date = new Date()): Promise<ChainedEntry> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditLogService.append must run inside a transaction');
    if (!AUDIT_STREAM_PATTERN.test(stream)) throw new Error(`Invalid audit stream name: ${stream}`);
    // The head row lock serializes appends per stream across partitions and replicas: seq stays gapless.
    const head = await lockOrCreateRow<HeadRow>(
      manager,
      ['SELECT last_seq, last_hash FROM audit_stream_heads WHERE stream = ? FOR UPDATE', [stream]],
      ['INSERT IGNORE INTO audit_stream_heads (stream, last_seq, last_hash) VALUES (?, 0, ?)', [stream, GENESIS_HASH]],
    );
    if (!head) throw new Error(`Audit stream head ${stream} vanished`);
    const unhashed = {
      ...record,
      stream,
      seq: Number(head.last_seq) + 1,
      recordedAt: now.toISOString(),
      prevHash: head.last_hash,
    };
    const entry: ChainedEntry = { ...unhashed, hash: hashEntry(unhashed) };
    await manager.query(
      `INSERT INTO audit_log_entries
         (stream, seq, event_id, event_type, producer, occurred_at, recorded_at, trace_id, subject_user_id, actor_id,
          institution_id, ip_masked, attributes, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
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
        canonicalJson(entry.attributes),
        entry.prevHash,
        entry.hash,
      ],
    );
    await manager.query('UPDATE audit_stream_heads SET last_seq = ?, last_hash = ? WHERE stream = ?', [entry.seq, entry.hash, stream]);
    return entry;
  }
}
