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
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'EventPublisher.stage must run inside the transaction of the state change it describes',
      );
    }
    if (events.length === 0) return [];
    const now = this.clock.now();
    const staged = events.map((event) => this.envelopeOf(topic, event, now));
    // One multi-row statement; the ORM's insert builder costs more CPU than the insert itself at batch sizes.
    await manager.query(
      `INSERT INTO outbox_events (event_id, topic, partition_key, envelope, created_at, sent_at) VALUES ${staged.map(() => '(?, ?, ?, ?, ?, NULL)').join(', ')}`,
      staged.flatMap(({ envelope, serialized }) => [envelope.id, topic, envelope.subjectId, serialized, now]),
    );
    return staged.map((s) => s.envelope);
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
