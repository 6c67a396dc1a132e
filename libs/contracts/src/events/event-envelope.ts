import { IsInt, IsISO8601, IsObject, IsString, IsUUID, Length, Matches, Min } from 'class-validator';

import type { PayloadOf, TopicName } from './topics';

/** What travels on every topic. `id` is unique and is what consumers de-duplicate on. */
export interface EventEnvelope<T extends TopicName = TopicName> {
  readonly id: string;
  readonly type: T;
  readonly version: number;
  readonly occurredAt: string;
  readonly producer: string;
  /** The aggregate the event is about; also the Kafka key, so one subject's events stay ordered. */
  readonly subjectId: string;
  readonly traceId: string;
  readonly payload: PayloadOf<T>;
}

/** Runtime shape check of a consumed envelope; the payload is validated against its topic's class. */
export class EventEnvelopeDto {
  @IsUUID() id!: string;
  @IsString() @Matches(/^[a-z]+\.[a-z_]+\.[a-z_]+$/) type!: string;
  @IsInt() @Min(1) version!: number;
  @IsISO8601() occurredAt!: string;
  @IsString() @Length(1, 64) producer!: string;
  @IsString() @Length(1, 128) subjectId!: string;
  @IsString() @Length(1, 128) traceId!: string;
  @IsObject() payload!: Record<string, unknown>;
}
