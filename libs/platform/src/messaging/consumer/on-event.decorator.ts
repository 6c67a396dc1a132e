import type { TopicName } from '@exam/contracts';
import type { MessageHandler } from '@nestjs/microservices';
import { EventPattern } from '@nestjs/microservices';

/** Subscribes a handler to a contract topic; the name is type-checked against the registry. */
export function OnEvent(topic: TopicName): MethodDecorator {
  return EventPattern(topic);
}

const BATCH_EXTRA = 'exam.eventBatch';
const ISOLATION_EXTRA = 'exam.eventBatchIsolation';

/** Isolation levels a batch handler may ask for; the default is the database's (REPEATABLE READ in MariaDB). */
export type BatchIsolation = 'READ COMMITTED' | 'REPEATABLE READ';

export interface OnEventBatchOptions {
  /**
   * READ COMMITTED suits handlers that serialize themselves with row locks: locking reads take no
   * gap locks (so creating missing rows does not deadlock), and every plain read sees what was
   * committed before it, not a snapshot taken at the first read.
   */
  readonly isolation?: BatchIsolation;
}

/**
 * Subscribes a handler that takes a whole batch of a topic's events (`@Payload()` is a readonly
 * array of envelopes in partition order, `@Ctx()` an EventBatchContext) and applies them in one
 * transaction with their inbox rows. Events already processed are left out before the call. If the
 * batch fails, the transport applies its events one at a time (a batch of one each), with the usual
 * retries and dead-lettering, so a poison event is still isolated.
 */
export function OnEventBatch(topic: TopicName, options: OnEventBatchOptions = {}): MethodDecorator {
  return EventPattern(topic, { [BATCH_EXTRA]: true, [ISOLATION_EXTRA]: options.isolation });
}

export function isBatchHandler(handler: MessageHandler): boolean {
  return handler.extras?.[BATCH_EXTRA] === true;
}

export function batchIsolationOf(handler: MessageHandler): BatchIsolation | undefined {
  const value: unknown = handler.extras?.[ISOLATION_EXTRA];
  return value === 'READ COMMITTED' || value === 'REPEATABLE READ' ? value : undefined;
}
