import type { KeyObject } from 'node:crypto';

import type { SASLOptions } from 'kafkajs';

import type { BaseServiceEnv } from '../config/base-service.env';
import { looksLikePlaceholder } from '../config/secret.decorator';
import { eventSigningFrom, type EventSigningKey } from './signing';

/** What the messaging layer needs from a service's validated env. */
export interface MessagingSettings {
  readonly service: string;
  readonly brokers: readonly string[];
  readonly topicPrefix: string;
  readonly replicationFactor: number;
  readonly outboxPollMs: number;
  readonly consumerMaxAttempts: number;
  /** SASL credentials of the service's own principal; undefined = unauthenticated (local broker only). */
  readonly sasl?: SASLOptions;
  readonly ssl: boolean;
  /** Signs the service's command events (outbox relay). */
  readonly signing: EventSigningKey;
  /** Verifies consumed command events: key id → producer's public key. */
  readonly verifyKeys: ReadonlyMap<string, KeyObject>;
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');

/** Broker credentials from the env; production refuses to run without them. */
export function kafkaSaslFrom(env: BaseServiceEnv): SASLOptions | undefined {
  if (env.KAFKA_SASL_MECHANISM === 'none') {
    if (env.NODE_ENV === 'production')
      throw new Error(
        'KAFKA_SASL_MECHANISM=none is refused in production: set scram-sha-512 with the service principal in KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD',
      );
    return undefined;
  }
  const problems: string[] = [];
  if (env.KAFKA_SASL_USERNAME === '') problems.push('KAFKA_SASL_USERNAME is required with SASL');
  if (env.KAFKA_SASL_PASSWORD === '') problems.push('KAFKA_SASL_PASSWORD is required with SASL');
  else if (env.NODE_ENV === 'production' && looksLikePlaceholder(env.KAFKA_SASL_PASSWORD))
    problems.push(
      'KAFKA_SASL_PASSWORD: a real secret is required in production (too short or a placeholder)',
    );
  if (problems.length > 0) throw new Error(`Invalid Kafka configuration:\n  - ${problems.join('\n  - ')}`);
  return {
    mechanism: env.KAFKA_SASL_MECHANISM,
    username: env.KAFKA_SASL_USERNAME,
    password: env.KAFKA_SASL_PASSWORD,
  };
}

export function messagingSettingsFrom(service: string, env: BaseServiceEnv): MessagingSettings {
  const sasl = kafkaSaslFrom(env);
  const { signing, verifyKeys } = eventSigningFrom(service, env);
  return {
    service,
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    outboxPollMs: Math.round(env.OUTBOX_POLL_SECONDS * 1000),
    consumerMaxAttempts: env.CONSUMER_MAX_ATTEMPTS,
    ...(sasl === undefined ? {} : { sasl }),
    ssl: env.KAFKA_SSL,
    signing,
    verifyKeys,
  };
}
