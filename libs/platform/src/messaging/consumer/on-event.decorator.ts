import { EventPattern } from '@nestjs/microservices';
import type { TopicName } from '@exam/contracts';

/** Subscribes a handler to a contract topic; the name is type-checked against the registry. */
export function OnEvent(topic: TopicName): MethodDecorator {
  return EventPattern(topic);
}
