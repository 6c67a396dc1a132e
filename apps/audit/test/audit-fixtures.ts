import { TopicRegistry, type EventEnvelope, type PayloadOf, type TopicName } from '@exam/contracts';
import { TopicNamer } from '@exam/platform';
import { KafkaProbe } from '@exam/testing';
import { randomUUID } from 'node:crypto';

/** Builds an envelope exactly as another service's outbox would publish it. */
export function envelopeOf<T extends TopicName>(type: T, subjectId: string, payload: PayloadOf<T>, occurredAt = new Date()): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: TopicRegistry[type].version,
    occurredAt: occurredAt.toISOString(),
    producer: type.slice(0, type.indexOf('.')),
    subjectId,
    traceId: `trace-${randomUUID()}`,
    payload,
  };
}

/** Produces envelopes on their physical topics, keyed by subject like the outbox relay does. */
export async function publish(probe: KafkaProbe, names: TopicNamer, envelopes: readonly EventEnvelope[]): Promise<void> {
  const byTopic = new Map<TopicName, EventEnvelope[]>();
  for (const envelope of envelopes) byTopic.set(envelope.type, [...(byTopic.get(envelope.type) ?? []), envelope]);
  for (const [topic, list] of byTopic) {
    await probe.produce(
      names.physical(topic),
      list.map((e) => ({ key: e.subjectId, value: JSON.stringify(e) })),
    );
  }
}
