import type { ChainedEntry } from './audit-chain';
import type { CanonicalValue } from './canonical-json';

/** A raw `audit_log_entries` row as mysql2 returns it. */
export interface AuditEntryRow {
  stream: string;
  seq: string | number;
  event_id: string;
  event_type: string;
  producer: string;
  occurred_at: string;
  recorded_at: string;
  trace_id: string;
  subject_user_id: string | null;
  actor_id: string | null;
  institution_id: string | null;
  ip_masked: string | null;
  attributes: string;
  prev_hash: string;
  /** Null on legacy rows written before the chain was keyed. */
  mac_key_id: string | null;
  hash: string;
}

function parseAttributes(text: string): { readonly [key: string]: CanonicalValue } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as { [key: string]: CanonicalValue };
  } catch {
    // Unparseable attributes are tampering too: fall through to a value that can never match the hash.
  }
  return { unparseable: text };
}

export function entryFromRow(row: AuditEntryRow): ChainedEntry {
  return {
    stream: row.stream,
    seq: Number(row.seq),
    eventId: row.event_id,
    eventType: row.event_type,
    producer: row.producer,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    traceId: row.trace_id,
    subjectUserId: row.subject_user_id,
    actorId: row.actor_id,
    institutionId: row.institution_id,
    ipMasked: row.ip_masked,
    attributes: parseAttributes(row.attributes),
    prevHash: row.prev_hash,
    keyId: row.mac_key_id ?? null,
    hash: row.hash,
  };
}
