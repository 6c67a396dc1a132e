import { ALL_TOPICS, type TopicName, TopicRegistry } from '@exam/contracts';
import type { Admin } from 'kafkajs';

import { withKafkaRetry } from './kafka-retry';
import type { TopicNamer } from './topic-namer';

export interface TopicSpec {
  readonly topic: string;
  readonly numPartitions: number;
  readonly replicationFactor: number;
}

/** Every contract topic and its dead-letter topic, with explicit partition counts. */
export function platformTopicSpecs(
  names: TopicNamer,
  replicationFactor: number,
  topics: readonly TopicName[] = ALL_TOPICS,
): TopicSpec[] {
  return topics.flatMap((topic) => [
    { topic: names.physical(topic), numPartitions: TopicRegistry[topic].partitions, replicationFactor },
    { topic: names.deadLetter(topic), numPartitions: 1, replicationFactor },
  ]);
}

const TOPIC_READY_TIMEOUT_MS = 30_000;

/**
 * Creates whatever topics are missing; existing ones are left as they are. Returns the created names once
 * every partition of them has a leader (transient "unknown topic" answers on a busy broker are retried).
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<string[]> {
  const retry = { timeoutMs: TOPIC_READY_TIMEOUT_MS };
  const existing = new Set(await withKafkaRetry(() => admin.listTopics(), retry));
  const missing = specs.filter((s) => !existing.has(s.topic));
  if (missing.length === 0) return [];
  await withKafkaRetry(
    () => admin.createTopics({ waitForLeaders: false, topics: missing.map((s) => ({ ...s })) }),
    retry,
  );
  const names = missing.map((s) => s.topic);
  await withKafkaRetry(async () => {
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    const leaderless = topics
      .filter((t) => t.partitions.length === 0 || t.partitions.some((p) => p.leader < 0))
      .map((t) => t.name);
    if (leaderless.length > 0)
      throw Object.assign(new Error(`topics without a leader yet: ${leaderless.join(', ')}`), {
        retriable: true,
      });
  }, retry);
  return names;
}
