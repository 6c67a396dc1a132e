import { randomUUID } from 'node:crypto';

import { type EventEnvelope, type PayloadOf, type TopicName, TopicRegistry } from '@exam/contracts';

/** A valid envelope, as the producing service's outbox would write it, for tests that publish directly. */
export function testEnvelope<T extends TopicName>(
  type: T,
  subjectId: string,
  payload: PayloadOf<T>,
  occurredAt: Date = new Date(),
): EventEnvelope<T> {
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
