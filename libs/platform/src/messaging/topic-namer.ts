import { deadLetterTopicOf, isTopicName, type TopicName } from '@exam/contracts';

/** Maps contract topic names to physical ones (a prefix isolates test runs) and back. */
export class TopicNamer {
  constructor(private readonly prefix: string) {}

  physical(topic: TopicName): string {
    return `${this.prefix}${topic}`;
  }

  deadLetter(topic: TopicName): string {
    return `${this.prefix}${deadLetterTopicOf(topic)}`;
  }

  consumerGroup(service: string): string {
    return `${this.prefix}${service}`;
  }

  logical(physical: string): TopicName | undefined {
    if (!physical.startsWith(this.prefix)) return undefined;
    const name = physical.slice(this.prefix.length);
    return isTopicName(name) ? name : undefined;
  }
}
