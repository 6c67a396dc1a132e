import { type EventEnvelope, isTopicName, type TopicName } from '@exam/contracts';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';

import { runWithContext } from '../../context/request-context';
import { DomainError } from '../../errors/domain-error';
import { KafkaConnection } from '../kafka-connection';
import { MESSAGING_SETTINGS, type MessagingSettings } from '../messaging.settings';
import { isSignedTopic, ownerOfTopic, verifyEvent } from '../signing';
import { ensureTopics, platformTopicSpecs } from '../topic-admin';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { parseEnvelope, type ParseResult } from './envelope-parser';
import { EventBatchContext, EventContext, type EventDelivery } from './event-context';
import { claimAllEvents, claimEvent, processedEventIds } from './inbox-claims';
import { batchIsolationOf, isBatchHandler } from './on-event.decorator';

type Outcome = 'applied' | 'duplicate';

interface ParsedMessage {
  readonly message: KafkaMessage;
  readonly envelope: EventEnvelope;
}

/** Events applied per transaction at most: amortizes the commit without holding locks for long. */
const CHUNK_SIZE = 100;
/** The same for `@OnEventBatch` handlers, which work set-based and so gain from larger batches. */
const BATCH_HANDLER_CHUNK_SIZE = 2000;

/** A batch whose inbox claim raced with another consumer: roll back and go one by one. */
class InboxClaimRaceError extends Error {
  constructor() {
    super('Some events of the batch were claimed concurrently');
    this.name = 'InboxClaimRaceError';
  }
}

const HEARTBEAT_EVERY_MS = 3000;
const MAX_RESTART_DELAY_MS = 30_000;

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Nest microservice transport over kafkajs for `@OnEvent(topic)` handlers. Each message is
 * validated, then applied in one database transaction together with its inbox row, so a redelivered
 * event has no second effect. Failures are retried a bounded number of times and then sent to the
 * topic's dead-letter topic, so one bad message never blocks its partition. Heartbeats continue
 * during long handlers, and the consumer rebuilds itself if kafkajs gives up after a broker outage.
 * Request-reply over Kafka is deliberately not offered: replies get lost in rebalances.
 */
@Injectable()
export class KafkaEventServer extends Server implements CustomTransportStrategy, OnModuleDestroy {
  private readonly log = new Logger(KafkaEventServer.name);
  private consumer?: Consumer;
  private closing = false;
  private restartTimer?: NodeJS.Timeout;
  private restartDelayMs = 1000;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {
    super();
  }

  private get group(): string {
    return this.kafka.names.consumerGroup(this.settings.service);
  }

  listen(callback: (error?: unknown) => void): void {
    this.closing = false;
    // The service boots even if Kafka is down; the consumer keeps trying in the background.
    void this.start();
    callback();
  }

  /** Shutdown order: stop consuming first (here), then the relay flushes, then pools close. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    await this.stopConsumer();
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- signature fixed by Nest's Server
  unwrap<T>(): T {
    return this.consumer as T;
  }

  private subscribedTopics(): TopicName[] {
    return [...this.getHandlers().keys()].filter(isTopicName);
  }

  private async start(): Promise<void> {
    const topics = this.subscribedTopics();
    if (topics.length === 0 || this.closing) return;
    const consumer = this.kafka.kafka.consumer({
      groupId: this.group,
      sessionTimeout: 30_000,
      rebalanceTimeout: 60_000,
      heartbeatInterval: HEARTBEAT_EVERY_MS,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
      retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 5000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.closing) {
        this.log.warn(`Consumer crashed and will be rebuilt: ${describe(payload.error)}`);
        this.scheduleRestart();
      }
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.restartDelayMs = 1000;
    });
    // A close can arrive while any step below is awaited; each step checks, so nothing starts afterwards.
    const closedMeanwhile = async (): Promise<boolean> => {
      if (!this.closing) return false;
      await consumer.disconnect().catch(() => undefined);
      return true;
    };
    try {
      const admin = await this.kafka.getAdmin();
      await ensureTopics(
        admin,
        platformTopicSpecs(this.kafka.names, this.settings.replicationFactor, topics),
      );
      if (await closedMeanwhile()) return;
      await consumer.connect();
      if (await closedMeanwhile()) return;
      await consumer.subscribe({
        topics: topics.map((t) => this.kafka.names.physical(t)),
        fromBeginning: true,
      });
      if (await closedMeanwhile()) return;
      await consumer.run({
        partitionsConsumedConcurrently: 3,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.consumeBatch(payload),
      });
      this.log.log(`Consuming ${topics.join(', ')} as ${this.group}`);
    } catch (error: unknown) {
      if (await closedMeanwhile()) return;
      this.log.warn(`Consumer could not start (${describe(error)}); retrying in ${this.restartDelayMs} ms`);
      await this.kafka.resetAdmin();
      this.scheduleRestart();
    }
  }

  private scheduleRestart(): void {
    if (this.closing) return;
    clearTimeout(this.restartTimer);
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, MAX_RESTART_DELAY_MS);
    this.restartTimer = setTimeout(() => {
      void this.stopConsumer().then(() => this.start());
    }, delay);
  }

  private async stopConsumer(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.disconnect().catch(() => undefined);
  }

  /**
   * Consecutive valid messages are applied in one transaction (one commit, one fsync, for up to
   * CHUNK_SIZE events, or BATCH_HANDLER_CHUNK_SIZE for `@OnEventBatch` handlers); if that fails, each
   * message of the chunk is retried on its own, so a poison message is still isolated and
   * dead-lettered while its neighbours go through.
   */
  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const topic = this.kafka.names.logical(batch.topic);
    const handler = topic === undefined ? null : this.getHandlerByPattern(topic);
    const heartbeat = (): Promise<void> => payload.heartbeat();
    const chunkSize = handler && isBatchHandler(handler) ? BATCH_HANDLER_CHUNK_SIZE : CHUNK_SIZE;
    let chunk: ParsedMessage[] = [];
    const settle = async (messages: readonly KafkaMessage[]): Promise<void> => {
      for (const message of messages) payload.resolveOffset(message.offset);
      await payload.commitOffsetsIfNecessary();
      await heartbeat();
    };
    const flush = async (): Promise<void> => {
      if (chunk.length === 0 || topic === undefined || !handler) return;
      const items = chunk;
      chunk = [];
      await this.applyChunkOrEach(topic, batch.partition, handler, items, heartbeat);
      await settle(items.map((i) => i.message));
    };
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale()) return;
      if (topic === undefined || !handler) {
        await settle([message]);
        continue;
      }
      const parsed = this.parse(topic, message);
      if (!parsed.ok) {
        await flush();
        await this.deadLetters.publish({
          topic,
          partition: batch.partition,
          message,
          reason: parsed.reason,
          attempts: 0,
        });
        await settle([message]);
        continue;
      }
      chunk.push({ message, envelope: parsed.envelope });
      if (chunk.length >= chunkSize) await flush();
    }
    await flush();
  }

  /**
   * A command topic's message is acted on only when its owner's signature verifies and the envelope names
   * that owner as producer; anything else goes to the dead-letter topic with the reason, never to a handler.
   */
  private parse(topic: TopicName, message: KafkaMessage): ParseResult {
    if (!isSignedTopic(topic)) return parseEnvelope(topic, message.value);
    const signature = verifyEvent(this.settings.verifyKeys, topic, message.value, message.headers);
    if (!signature.ok) return signature;
    const parsed = parseEnvelope(topic, message.value);
    if (parsed.ok && parsed.envelope.producer !== ownerOfTopic(topic)) {
      return {
        ok: false,
        reason: `EVENT.WRONG_PRODUCER: envelope names ${parsed.envelope.producer.slice(0, 64)} as producer of ${topic}, which only ${ownerOfTopic(topic)} produces`,
      };
    }
    return parsed;
  }

  private async applyChunkOrEach(
    topic: TopicName,
    partition: number,
    handler: MessageHandler,
    items: readonly ParsedMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    if (items.length > 1) {
      try {
        const apply = isBatchHandler(handler)
          ? () => this.applyBatch(handler, items, topic, partition)
          : () => this.applyChunk(handler, items, topic, partition);
        await this.withHeartbeat(heartbeat, apply);
        return;
      } catch (error: unknown) {
        this.log.debug(
          `Chunk of ${items.length} on ${topic}[${partition}] failed (${describe(error)}); applying one by one`,
        );
      }
    }
    for (const item of items) await this.consumeMessage(topic, partition, item, handler, heartbeat);
  }

  private applyChunk(
    handler: MessageHandler,
    items: readonly ParsedMessage[],
    topic: TopicName,
    partition: number,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      for (const { message, envelope } of items) {
        const delivery: EventDelivery = { topic, partition, offset: message.offset, attempt: 1 };
        await runWithContext({ traceId: envelope.traceId }, () =>
          this.applyWith(manager, handler, envelope, delivery),
        );
      }
    });
  }

  /**
   * One transaction for the whole chunk: one multi-row inbox insert, one handler call with the new
   * events. Redeliveries are left out up front; the first occurrence of an id repeated in the chunk wins.
   */
  private async applyBatch(
    handler: MessageHandler,
    items: readonly ParsedMessage[],
    topic: TopicName,
    partition: number,
  ): Promise<void> {
    const done = await processedEventIds(this.dataSource, this.group, [
      ...new Set(items.map((i) => i.envelope.id)),
    ]);
    const fresh: ParsedMessage[] = [];
    for (const item of items) {
      if (done.has(item.envelope.id)) continue;
      done.add(item.envelope.id);
      fresh.push(item);
    }
    if (fresh.length === 0) return;
    const envelopes = fresh.map((i) => i.envelope);
    const deliveries = fresh.map(({ message }): EventDelivery => ({
      topic,
      partition,
      offset: message.offset,
      attempt: 1,
    }));
    await runWithContext({ traceId: envelopes[0]?.traceId ?? 'batch' }, () =>
      this.transaction(handler, async (manager) => {
        if (!(await claimAllEvents(manager, this.group, envelopes))) throw new InboxClaimRaceError();
        await this.invoke(handler, envelopes, new EventBatchContext([manager, deliveries]));
      }),
    );
  }

  private async consumeMessage(
    topic: TopicName,
    partition: number,
    { message, envelope }: ParsedMessage,
    handler: MessageHandler,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const maxAttempts = this.settings.consumerMaxAttempts;
    for (let attempt = 1; ; attempt += 1) {
      const delivery: EventDelivery = { topic, partition, offset: message.offset, attempt };
      try {
        await this.withHeartbeat(heartbeat, () => this.applyOnce(handler, envelope, delivery));
        return;
      } catch (error: unknown) {
        if (attempt >= maxAttempts) {
          const reason = `HANDLER.FAILED: ${describe(error)}`;
          await this.deadLetters.publish({ topic, partition, message, reason, attempts: attempt });
          return;
        }
        this.log.warn(`Handler for ${topic} failed (attempt ${attempt}/${maxAttempts}): ${describe(error)}`);
        await sleep(200 * 2 ** (attempt - 1));
        await heartbeat();
      }
    }
  }

  private applyOnce(
    handler: MessageHandler,
    envelope: EventEnvelope,
    delivery: EventDelivery,
  ): Promise<Outcome> {
    return runWithContext({ traceId: envelope.traceId }, () =>
      this.transaction(handler, (manager) => this.applyWith(manager, handler, envelope, delivery)),
    );
  }

  /** The handler's transaction, at the isolation level a batch handler asked for. */
  private transaction<T>(handler: MessageHandler, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const isolation = batchIsolationOf(handler);
    return isolation === undefined
      ? this.dataSource.transaction(work)
      : this.dataSource.transaction(isolation, work);
  }

  /** Records the event in the inbox and runs the handler, both through the same transaction. */
  private async applyWith(
    manager: EntityManager,
    handler: MessageHandler,
    envelope: EventEnvelope,
    delivery: EventDelivery,
  ): Promise<Outcome> {
    if (!(await claimEvent(manager, this.group, envelope))) return 'duplicate';
    if (isBatchHandler(handler))
      await this.invoke(handler, [envelope], new EventBatchContext([manager, [delivery]]));
    else await this.invoke(handler, envelope, new EventContext([manager, delivery]));
    return 'applied';
  }

  private async invoke(
    handler: MessageHandler,
    data: EventEnvelope | readonly EventEnvelope[],
    context: EventContext | EventBatchContext,
  ): Promise<void> {
    const result: unknown = await handler(data, context);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  private async withHeartbeat<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      heartbeat().catch(() => undefined);
    }, HEARTBEAT_EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}
