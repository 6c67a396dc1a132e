import type { EventEnvelope, TopicName } from '@exam/contracts';
import {
  type BaseServiceEnv,
  ensureTopics,
  platformTopicSpecs,
  type ServiceEdge,
  TopicNamer,
} from '@exam/platform';
import type { DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { KafkaProbe, type ProbedMessage, uniqueTopicPrefix } from './kafka-probe';
import { type RunningService, startTestService, testServiceEnv } from './service-harness';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface ServiceTestBedOptions<E extends BaseServiceEnv> {
  readonly service: string;
  readonly envClass: new () => E;
  readonly module: (env: E) => DynamicModule;
  /** The service's edge for its direct routes, as its service definition has it. */
  readonly edge?: (env: E) => ServiceEdge;
  /** Topics to create up front (with their dead-letter topics), as the start command would. */
  readonly topics?: readonly TopicName[];
  readonly overrides?: Readonly<Record<string, string>>;
}

/**
 * One service under e2e test: its own database, its own topic prefix, the real hybrid app on a free
 * port, and a Kafka probe on the same prefix. `close()` undoes all of it.
 */
export class ServiceTestBed<E extends BaseServiceEnv> {
  private constructor(
    readonly env: E,
    readonly database: TestDatabase,
    readonly names: TopicNamer,
    readonly probe: KafkaProbe,
    readonly service: RunningService,
  ) {}

  static async start<E extends BaseServiceEnv>(
    options: ServiceTestBedOptions<E>,
  ): Promise<ServiceTestBed<E>> {
    const prefix = uniqueTopicPrefix();
    const names = new TopicNamer(prefix);
    const probe = new KafkaProbe();
    const database = await createTestDatabase(options.service);
    try {
      const env = testServiceEnv(options.envClass, {
        databaseName: database.name,
        topicPrefix: prefix,
        ...(options.overrides ? { overrides: options.overrides } : {}),
      });
      if (options.topics && options.topics.length > 0) {
        const topics = options.topics;
        await probe.withAdmin((admin) => ensureTopics(admin, platformTopicSpecs(names, 1, topics)));
      }
      const service = await startTestService(options.service, env, options.module(env), options.edge?.(env));
      return new ServiceTestBed(env, database, names, probe, service);
    } catch (error: unknown) {
      await probe.close();
      await database.drop();
      throw error;
    }
  }

  get url(): string {
    return this.service.url;
  }

  get dataSource(): DataSource {
    return this.service.app.get(DataSource);
  }

  /** Produces envelopes on their physical topics, keyed by subject like the outbox relay. */
  async publish(...envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) {
      await this.probe.produce(this.names.physical(envelope.type), [
        { key: envelope.subjectId, value: JSON.stringify(envelope) },
      ]);
    }
  }

  /** Every message of a contract topic (or its dead-letter topic) from the beginning, as it arrives. */
  collect(topic: TopicName, { deadLetter = false }: { deadLetter?: boolean } = {}): Promise<ProbedMessage[]> {
    return this.probe.collect(deadLetter ? this.names.deadLetter(topic) : this.names.physical(topic));
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.service.close()]);
    await this.probe.close();
    await this.database.drop();
  }
}
