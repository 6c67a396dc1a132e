import { Inject, Injectable } from '@nestjs/common';
import { TopicRegistry, type EventEnvelope, type PayloadOf, type TopicName } from '@exam/contracts';
import { findSensitiveNumbers } from '@exam/crypto';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentTraceId } from '../../context/request-context';
import { DomainError } from '../../errors/domain-error';
import { MESSAGING_SETTINGS, type MessagingSettings } from '../messaging.settings';
import { OutboxEventEntity } from './outbox-event.entity';

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
  constructor(@Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings) {}

  async stage<T extends TopicName>(manager: EntityManager, topic: T, event: StagedEvent<T>): Promise<EventEnvelope<T>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('EventPublisher.stage must run inside the transaction of the state change it describes');
    }
    const envelope: EventEnvelope<T> = {
      id: randomUUID(),
      type: topic,
      version: TopicRegistry[topic].version,
      occurredAt: new Date().toISOString(),
      producer: this.settings.service,
      subjectId: event.subjectId,
      traceId: currentTraceId(),
      payload: event.payload,
    };
    const serialized = JSON.stringify(envelope);
    const leaks = findSensitiveNumbers(serialized);
    if (leaks.length > 0) {
      // Payloads carry masked values or references only; fail the whole transaction rather than publish.
      throw new DomainError(
        'EVENT.PLAINTEXT_PERSONAL_DATA',
        'internal',
        `Refusing to publish ${topic}: the payload carries an unmasked ${[...new Set(leaks.map((l) => l.kind))].join(', ')}`,
      );
    }
    await manager.insert(OutboxEventEntity, {
      eventId: envelope.id,
      topic,
      partitionKey: event.subjectId,
      envelope: serialized,
      createdAt: new Date(),
      sentAt: null,
    });
    return envelope;
  }
}
