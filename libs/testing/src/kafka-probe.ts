import { randomBytes } from 'node:crypto';

import { ALL_TOPICS, type TopicName } from '@exam/contracts';
import {
  developmentEventSigningKeyPair,
  type EventSigningKey,
  isSignedTopic,
  ownerOfTopic,
  parseEd25519PrivateKey,
  signEvent,
} from '@exam/platform';
import {
  type Admin,
  type Consumer,
  Kafka,
  type KafkaConfig,
  type KafkaMessage,
  logLevel,
  type Producer,
} from 'kafkajs';

import { testEnv } from './test-env';

/** A topic prefix unique to this test file, so runs and files never see each other's events. */
export function uniqueTopicPrefix(): string {
  return `t${testEnv().runId}${randomBytes(2).toString('hex')}.`;
}

export interface ProbedMessage {
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

function toProbed(message: KafkaMessage): ProbedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return {
    key: message.key?.toString('utf8') ?? null,
    value: message.value?.toString('utf8') ?? null,
    headers,
  };
}

/** The contract topic a physical name stands for (the test prefix ends with a dot), if any. */
function logicalTopicOf(physical: string): TopicName | undefined {
  return ALL_TOPICS.find((topic) => physical === topic || physical.endsWith(`.${topic}`));
}

/** The owning service's development key, as its outbox relay would sign with in tests. */
export function developmentSigningKeyOf(topic: TopicName): EventSigningKey {
  const pair = developmentEventSigningKeyPair(ownerOfTopic(topic));
  return { keyId: pair.keyId, privateKey: parseEd25519PrivateKey(pair.privateKey, 'event') };
}

export interface ProduceOptions {
  /**
   * How messages of a signed (command) topic are signed: by default as their owning service would (its
   * development key); `false` sends them unsigned, or a given key signs them (a forger's or another
   * service's). Other topics are never signed.
   */
  readonly signWith?: EventSigningKey | false;
}

/** A client of the test broker, with the test principal's credentials when the broker requires SASL. */
export function testKafkaConfig(clientId: string): KafkaConfig {
  const sasl = testEnv().kafkaSasl;
  return {
    clientId,
    brokers: testEnv().kafkaBrokers,
    logLevel: logLevel.NOTHING,
    ...(sasl === undefined ? {} : { sasl: { mechanism: 'scram-sha-512', ...sasl } }),
  };
}

/** Reads and writes raw messages on physical topics, the way an outside client would. */
export class KafkaProbe {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];

  constructor(config: KafkaConfig = testKafkaConfig(`probe-${randomBytes(3).toString('hex')}`)) {
    this.kafka = new Kafka(config);
  }

  async produce(
    topic: string,
    messages: { key?: string; value: string; headers?: Record<string, string> }[],
    options: ProduceOptions = {},
  ): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    const logical = logicalTopicOf(topic);
    const key =
      logical === undefined || !isSignedTopic(logical)
        ? false
        : (options.signWith ?? developmentSigningKeyOf(logical));
    const signed =
      key === false || logical === undefined
        ? messages
        : messages.map((m) => ({
            ...m,
            headers: { ...m.headers, ...signEvent(key, logical, Buffer.from(m.value, 'utf8')) },
          }));
    await this.producer.send({ topic, acks: -1, messages: signed });
  }

  /** Collects every message of a topic from the beginning into the returned array, as it arrives. */
  async collect(topic: string): Promise<ProbedMessage[]> {
    const received: ProbedMessage[] = [];
    const consumer = this.kafka.consumer({
      groupId: `probe-${randomBytes(4).toString('hex')}`,
      maxWaitTimeInMs: 100,
    });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push(toProbed(message));
        return Promise.resolve();
      },
    });
    return received;
  }

  async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }

  /** Total messages ever written to a topic (sum of high watermarks; nothing is compacted here). */
  async countMessages(topic: string): Promise<number> {
    const offsets = await this.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
    await this.producer?.disconnect();
  }
}
