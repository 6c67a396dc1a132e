import type { EventEnvelope } from '@exam/contracts';
import type { DataSource, EntityManager } from 'typeorm';

interface InsertResult {
  affectedRows: number;
}

/**
 * Records an event as processed by the consumer group; false when it already was (a redelivery).
 * Runs in the handler's transaction, so the claim and the handler's effects commit together.
 */
export async function claimEvent(
  manager: EntityManager,
  group: string,
  envelope: EventEnvelope,
): Promise<boolean> {
  const inserted: InsertResult = await manager.query(
    'INSERT IGNORE INTO inbox_events (consumer_group, event_id, topic, processed_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))',
    [group, envelope.id, envelope.type],
  );
  return inserted.affectedRows > 0;
}

/**
 * Claims a whole batch with one multi-row insert. True only if every event was new; false if any was
 * claimed meanwhile by someone else (a rebalance), and then the caller must roll back and fall back
 * to claiming one event at a time.
 */
export async function claimAllEvents(
  manager: EntityManager,
  group: string,
  envelopes: readonly EventEnvelope[],
): Promise<boolean> {
  if (envelopes.length === 0) return true;
  const rows = envelopes.map(() => '(?, ?, ?, UTC_TIMESTAMP(3))').join(', ');
  const params = envelopes.flatMap((e) => [group, e.id, e.type]);
  const inserted: InsertResult = await manager.query(
    `INSERT IGNORE INTO inbox_events (consumer_group, event_id, topic, processed_at) VALUES ${rows}`,
    params,
  );
  return inserted.affectedRows === envelopes.length;
}

/**
 * Ids among `ids` the group has already processed. Read outside the batch transaction on purpose: a
 * plain read inside it would fix the transaction's snapshot before the handler takes its locks.
 */
export async function processedEventIds(
  dataSource: DataSource,
  group: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows: { event_id: string }[] = await dataSource.query(
    'SELECT event_id FROM inbox_events WHERE consumer_group = ? AND event_id IN (?)',
    [group, ids],
  );
  return new Set(rows.map((r) => r.event_id));
}
