import type { EventEnvelope, TopicName } from '@exam/contracts';
import { TopicNamer } from '@exam/platform';
import { KafkaProbe, testEnvelope } from '@exam/testing';

/** Builds an envelope exactly as another service's outbox would publish it. */
export const envelopeOf = testEnvelope;

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
