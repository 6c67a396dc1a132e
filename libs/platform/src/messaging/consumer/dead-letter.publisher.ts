import type { TopicName } from '@exam/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';

import { KafkaConnection } from '../kafka-connection';

const MAX_ORIGINAL_BYTES = 512 * 1024;

export interface DeadLetterInput {
  readonly topic: TopicName;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly reason: string;
  readonly attempts: number;
}

/** What a `<topic>.dlq` message holds: the reason, where it came from, and the original bytes. */
export interface DeadLetterRecord {
  readonly reason: string;
  readonly consumerGroup: string;
  readonly originalTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempts: number;
  readonly failedAt: string;
  readonly original: string | null;
}

@Injectable()
export class DeadLetterPublisher {
  private readonly logger = new Logger(DeadLetterPublisher.name);

  constructor(private readonly kafka: KafkaConnection) {}

  /** Throws if the dead-letter topic cannot be written, so the offset is not committed and nothing is lost. */
  async publish(input: DeadLetterInput): Promise<void> {
    const value = input.message.value;
    const record: DeadLetterRecord = {
      reason: input.reason.slice(0, 2000),
      consumerGroup: this.kafka.names.consumerGroup(this.kafka.settings.service),
      originalTopic: this.kafka.names.physical(input.topic),
      partition: input.partition,
      offset: input.message.offset,
      attempts: input.attempts,
      failedAt: new Date().toISOString(),
      original: value === null ? null : value.subarray(0, MAX_ORIGINAL_BYTES).toString('utf8'),
    };
    const producer = await this.kafka.getProducer();
    await producer.send({
      topic: this.kafka.names.deadLetter(input.topic),
      acks: -1,
      messages: [
        {
          key: input.message.key,
          value: JSON.stringify(record),
          headers: { 'dlq-reason': record.reason.slice(0, 500), 'dlq-consumer-group': record.consumerGroup },
        },
      ],
    });
    this.logger.warn(
      `Dead-lettered ${input.topic}[${input.partition}]@${input.message.offset} after ${input.attempts} attempt(s): ${record.reason.slice(0, 300)}`,
    );
  }
}
