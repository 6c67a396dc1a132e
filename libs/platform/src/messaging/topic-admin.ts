import { ALL_TOPICS, TopicRegistry, type TopicName } from '@exam/contracts';
import type { Admin } from 'kafkajs';
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

/** Creates whatever topics are missing; existing ones are left as they are. Returns the created names. */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.topic));
  if (missing.length === 0) return [];
  await admin.createTopics({ waitForLeaders: true, topics: missing.map((s) => ({ ...s })) });
  return missing.map((s) => s.topic);
}
