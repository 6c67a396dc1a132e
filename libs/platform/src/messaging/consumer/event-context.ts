import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

export interface EventDelivery {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempt: number;
}

/**
 * Passed to every event handler (`@Ctx()`): the transaction that also records the event as
 * processed, so the handler's writes and the inbox row commit together or not at all.
 */
export class EventContext extends BaseRpcContext<[EntityManager, EventDelivery]> {
  get manager(): EntityManager {
    return this.args[0];
  }
  get delivery(): EventDelivery {
    return this.args[1];
  }
}

/**
 * Passed to `@OnEventBatch` handlers: the one transaction that also records every event of the
 * batch as processed, and where each event came from (same order as the payload array).
 */
export class EventBatchContext extends BaseRpcContext<[EntityManager, readonly EventDelivery[]]> {
  get manager(): EntityManager {
    return this.args[0];
  }
  get deliveries(): readonly EventDelivery[] {
    return this.args[1];
  }
}
