import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { type Admin, Kafka, type LogEntry, logLevel, type Producer } from 'kafkajs';

import { MESSAGING_SETTINGS, type MessagingSettings } from './messaging.settings';
import { TopicNamer } from './topic-namer';

function kafkaLogCreator(): (entry: LogEntry) => void {
  const logger = new Logger('Kafka');
  return ({ level, log }) => {
    const text = `${log.message}${typeof log.broker === 'string' ? ` broker=${log.broker}` : ''}`;
    if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(text);
    else logger.debug(text);
  };
}

/**
 * The service's Kafka client, one producer shared by the outbox relay and the dead-letter path,
 * and an admin client for readiness and topic creation. Connections are opened lazily and
 * re-opened after failures, so a broker that is down at boot does not stop the service.
 */
@Injectable()
export class KafkaConnection implements OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly names: TopicNamer;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;

  constructor(@Inject(MESSAGING_SETTINGS) readonly settings: MessagingSettings) {
    this.names = new TopicNamer(settings.topicPrefix);
    this.kafka = new Kafka({
      clientId: `${settings.topicPrefix}${settings.service}`,
      brokers: [...settings.brokers],
      ...(settings.sasl === undefined ? {} : { sasl: settings.sasl }),
      ssl: settings.ssl,
      connectionTimeout: 3000,
      requestTimeout: 10000,
      retry: { initialRetryTime: 300, retries: 5, maxRetryTime: 5000 },
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator,
    });
  }

  async getProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      // Order per key needs one request in flight; the outbox + inbox give exactly-once effect,
      // so kafkajs's experimental idempotent mode is not relied upon.
      const producer = this.kafka.producer({
        allowAutoTopicCreation: false,
        idempotent: false,
        maxInFlightRequests: 1,
      });
      await producer.connect();
      return producer;
    })();
    try {
      return await this.producer;
    } catch (error: unknown) {
      this.producer = undefined;
      throw error;
    }
  }

  async getAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    try {
      return await this.admin;
    } catch (error: unknown) {
      this.admin = undefined;
      throw error;
    }
  }

  /** Drops a client after a failure so the next call reconnects from scratch. */
  async resetProducer(): Promise<void> {
    const current = this.producer;
    this.producer = undefined;
    if (current) await current.then((p) => p.disconnect()).catch(() => undefined);
  }

  async resetAdmin(): Promise<void> {
    const current = this.admin;
    this.admin = undefined;
    if (current) await current.then((a) => a.disconnect()).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.resetProducer(), this.resetAdmin()]);
  }
}
