import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import { isTopicName } from '@exam/contracts';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { KafkaConnection } from '../kafka-connection';
import { MESSAGING_SETTINGS, type MessagingSettings } from '../messaging.settings';
import { isSignedTopic, signEvent } from '../signing';

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  partition_key: string;
  envelope: string;
}

const BATCH_SIZE = 200;
const LEASE_SECONDS = 15;
const MAX_BACKOFF_MS = 5000;
const RETENTION_EVERY_MS = 60_000;

/**
 * Publishes outbox rows in insertion order. One replica holds a lease and publishes; rows are also
 * locked while being published, so even an expired lease never lets two relays send the same row
 * concurrently. A failed send rolls back and is retried with backoff: nothing is lost while the
 * broker is down, and a row is marked sent only after every in-sync replica has acknowledged it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly owner = `${hostname().slice(0, 30)}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();
  private stopped = true;
  private consecutiveFailures = 0;
  private lastRetentionRun = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
    await this.drain(5000).catch((error: unknown) => {
      this.logger.warn(`Outbox not fully flushed at shutdown: ${describe(error)}`);
    });
    await this.dataSource
      .query('DELETE FROM outbox_relay_lease WHERE name = ? AND owner = ?', ['relay', this.owner])
      .catch(() => undefined);
  }

  /** Publishes until the outbox is empty or the deadline passes; returns how many rows were sent. */
  async drain(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent === 0 || Date.now() > deadline) return total;
    }
  }

  /** One pass: take the lease, lock the oldest unsent rows, send them, mark them sent. */
  async publishBatch(): Promise<number> {
    if (!(await this.acquireLease())) return 0;
    // READ COMMITTED: the locking read takes record locks only. Under REPEATABLE READ it would also
    // gap-lock the end of the unsent range and block (or deadlock) every service write that stages an
    // event while a send is in flight. Rows of one key are still published in order: writers of one
    // aggregate serialize on its row, so their seq order is their commit order.
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        'SELECT seq, event_id, topic, partition_key, envelope FROM outbox_events WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE',
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await this.send(rows);
      await this.markSent(manager, rows);
      return rows.length;
    });
  }

  private async send(rows: readonly OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const row of rows) {
      if (!isTopicName(row.topic)) throw new Error(`Outbox row ${row.seq} names unknown topic ${row.topic}`);
      const physical = this.kafka.names.physical(row.topic);
      const list = byTopic.get(physical) ?? [];
      const signature = isSignedTopic(row.topic)
        ? signEvent(this.settings.signing, row.topic, Buffer.from(row.envelope, 'utf8'))
        : {};
      list.push({
        key: row.partition_key,
        value: row.envelope,
        headers: { 'event-id': row.event_id, 'event-type': row.topic, ...signature },
      });
      byTopic.set(physical, list);
    }
    const producer = await this.kafka.getProducer();
    await producer.sendBatch({
      acks: -1,
      timeout: 10_000,
      topicMessages: [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  private async markSent(manager: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
    await manager.query('UPDATE outbox_events SET sent_at = UTC_TIMESTAMP(3) WHERE seq IN (?)', [
      rows.map((r) => r.seq),
    ]);
  }

  private async acquireLease(): Promise<boolean> {
    // Assignments run left to right: `owner` changes only if ours or expired, then `expires_at`
    // is extended only if the row is (now) ours.
    await this.dataSource.query(
      `INSERT INTO outbox_relay_lease (name, owner, expires_at)
       VALUES ('relay', ?, UTC_TIMESTAMP(3) + INTERVAL ${LEASE_SECONDS} SECOND)
       ON DUPLICATE KEY UPDATE
         owner = IF(owner = VALUES(owner) OR expires_at < UTC_TIMESTAMP(3), VALUES(owner), owner),
         expires_at = IF(owner = VALUES(owner), VALUES(expires_at), expires_at)`,
      [this.owner],
    );
    const rows: { owner: string }[] = await this.dataSource.query(
      "SELECT owner FROM outbox_relay_lease WHERE name = 'relay'",
    );
    return rows[0]?.owner === this.owner;
  }

  private async applyRetention(): Promise<void> {
    if (Date.now() - this.lastRetentionRun < RETENTION_EVERY_MS) return;
    this.lastRetentionRun = Date.now();
    await this.dataSource.query(
      'DELETE FROM outbox_events WHERE sent_at IS NOT NULL AND sent_at < UTC_TIMESTAMP(3) - INTERVAL 7 DAY LIMIT 5000',
    );
    await this.dataSource.query(
      'DELETE FROM inbox_events WHERE processed_at < UTC_TIMESTAMP(3) - INTERVAL 30 DAY LIMIT 5000',
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let next = this.settings.outboxPollMs;
    try {
      const sent = await this.publishBatch();
      await this.applyRetention();
      if (this.consecutiveFailures > 0)
        this.logger.log(`Outbox relay recovered after ${this.consecutiveFailures} failed attempts`);
      this.consecutiveFailures = 0;
      if (sent === BATCH_SIZE) next = 0;
    } catch (error: unknown) {
      this.consecutiveFailures += 1;
      next = Math.min(this.settings.outboxPollMs * 2 ** this.consecutiveFailures, MAX_BACKOFF_MS);
      this.logger.warn(
        `Outbox publish failed (attempt ${this.consecutiveFailures}, retry in ${next} ms): ${describe(error)}`,
      );
      await this.kafka.resetProducer();
    }
    this.schedule(next);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
