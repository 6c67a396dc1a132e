import { randomUUID } from 'node:crypto';

import { type EventEnvelope, type PayloadOf, type TopicName, TopicRegistry } from '@exam/contracts';
import { findSensitiveNumbers } from '@exam/crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { currentTraceId } from '../../context/request-context';
import { PlaintextPersonalDataError } from '../../errors/platform.errors';
import { Clock } from '../../time/clock';
import { MESSAGING_SETTINGS, type MessagingSettings } from '../messaging.settings';

export interface StagedEvent<T extends TopicName> {
  /** The aggregate the event is about: the Kafka key, so its events stay in order. */
  readonly subjectId: string;
  readonly payload: PayloadOf<T>;
}

/** An event of any topic with its topic: one state change may announce several kinds of event at once. */
export type TopicStagedEvent = {
  [T in TopicName]: { readonly topic: T } & StagedEvent<T>;
}[TopicName];

/**
 * Writes events into the outbox with the caller's transaction, so the state change and the
 * event commit or roll back together. The relay publishes them afterwards.
 */
@Injectable()
export class EventPublisher {
  constructor(
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly clock: Clock,
  ) {}

  async stage<T extends TopicName>(
    manager: EntityManager,
    topic: T,
    event: StagedEvent<T>,
  ): Promise<EventEnvelope<T>> {
    const [envelope] = await this.stageMany(manager, topic, [event]);
    return envelope;
  }

  /**
   * Stages several events of one topic with one multi-row insert, in order (a consumer applying a
   * batch of events in one transaction should not pay an insert per outgoing event).
   */
  async stageMany<T extends TopicName>(
    manager: EntityManager,
    topic: T,
    events: readonly StagedEvent<T>[],
  ): Promise<EventEnvelope<T>[]> {
    this.requireTransaction(manager);
    if (events.length === 0) return [];
    const now = this.clock.now();
    const staged = events.map((event) => ({ topic, ...this.envelopeOf(topic, event, now) }));
    await this.insert(manager, staged, now);
    return staged.map((s) => s.envelope);
  }

  /**
   * Stages events of several topics with one multi-row insert, in the order given (a submission that closes and
   * grades an attempt announces both in one round trip). Same transaction rule as stage.
   */
  async stageAll(manager: EntityManager, events: readonly TopicStagedEvent[]): Promise<void> {
    this.requireTransaction(manager);
    if (events.length === 0) return;
    const now = this.clock.now();
    const staged = events.map(({ topic, ...event }) => ({
      topic,
      ...this.envelopeOf(topic, event as StagedEvent<typeof topic>, now),
    }));
    await this.insert(manager, staged, now);
  }

  private requireTransaction(manager: EntityManager): void {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'EventPublisher.stage must run inside the transaction of the state change it describes',
      );
    }
  }

  /** One multi-row statement; the ORM's insert builder costs more CPU than the insert itself at batch sizes. */
  private async insert(
    manager: EntityManager,
    staged: readonly { topic: TopicName; envelope: { id: string; subjectId: string }; serialized: string }[],
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_events (event_id, topic, partition_key, envelope, created_at, sent_at) VALUES ${staged.map(() => '(?, ?, ?, ?, ?, NULL)').join(', ')}`,
      staged.flatMap(({ topic, envelope, serialized }) => [
        envelope.id,
        topic,
        envelope.subjectId,
        serialized,
        now,
      ]),
    );
  }

  private envelopeOf<T extends TopicName>(
    topic: T,
    event: StagedEvent<T>,
    now: Date,
  ): { envelope: EventEnvelope<T>; serialized: string } {
    const envelope: EventEnvelope<T> = {
      id: randomUUID(),
      type: topic,
      version: TopicRegistry[topic].version,
      occurredAt: now.toISOString(),
      producer: this.settings.service,
      subjectId: event.subjectId,
      traceId: currentTraceId(),
      payload: event.payload,
    };
    const serialized = JSON.stringify(envelope);
    const leaks = findSensitiveNumbers(serialized);
    if (leaks.length > 0) {
      // Payloads carry masked values or references only; fail the whole transaction rather than publish.
      throw new PlaintextPersonalDataError(topic, [...new Set(leaks.map((l) => l.kind))]);
    }
    return { envelope, serialized };
  }
}
