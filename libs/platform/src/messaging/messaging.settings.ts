import type { BaseServiceEnv } from '../config/base-service.env';

/** What the messaging layer needs from a service's validated env. */
export interface MessagingSettings {
  readonly service: string;
  readonly brokers: readonly string[];
  readonly topicPrefix: string;
  readonly replicationFactor: number;
  readonly outboxPollMs: number;
  readonly consumerMaxAttempts: number;
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');

export function messagingSettingsFrom(service: string, env: BaseServiceEnv): MessagingSettings {
  return {
    service,
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    outboxPollMs: Math.round(env.OUTBOX_POLL_SECONDS * 1000),
    consumerMaxAttempts: env.CONSUMER_MAX_ATTEMPTS,
  };
}
