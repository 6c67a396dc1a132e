import { randomUUID } from 'node:crypto';

import type { TopicName } from '@exam/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { RevealNotFoundError, RevealRateLimitedError } from '../errors/platform.errors';
import { EventPublisher } from '../messaging/outbox/event-publisher';
import { Clock } from '../time/clock';
import { PersonalDataRevealEntity } from './personal-data-reveal.entity';
import { RevealQuota } from './reveal-quota';
import type { RevealResponseDto } from './reveal-request.dto';

export type RevealTopic = Extract<TopicName, `${string}.personal_data.revealed`>;

export interface RevealInput {
  readonly actor: AuthUser;
  /** Whose data (a user id or another aggregate id). */
  readonly subjectId: string;
  /** Which field, e.g. `idNumber`. */
  readonly field: string;
  readonly reason: string;
  readonly topic: RevealTopic;
  /** Loads the plaintext inside the reveal's transaction; null when the subject or value does not exist. */
  readonly load: (manager: EntityManager) => Promise<string | null>;
}

/** Reveals per actor per rolling hour; counted in the database so every replica enforces the same limit. */
export const REVEALS_PER_HOUR = 20;

/**
 * The one way to show a full personal value: the caller's route restricts roles, this service enforces
 * a per-actor rate limit, records the reveal and stages an audit event in the same transaction, so a
 * value is never shown without its trace.
 */
@Injectable()
export class PersonalDataRevealService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async reveal(input: RevealInput): Promise<RevealResponseDto> {
    await RevealQuota.ensureActor(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      input.actor.userId,
    );
    return this.dataSource.transaction(async (manager) => {
      // Counted under the actor's lock: parallel reveals are taken one at a time, so the limit holds for them too.
      await RevealQuota.lock(manager, input.actor.userId);
      const revealedAt = this.clock.now();
      const since = new Date(revealedAt.getTime() - 3_600_000);
      const recent = await RevealQuota.countSince(manager, input.actor.userId, since);
      if (recent >= REVEALS_PER_HOUR) {
        throw new RevealRateLimitedError(REVEALS_PER_HOUR);
      }
      const value = await input.load(manager);
      if (value === null) throw new RevealNotFoundError(input.field);
      const revealId = randomUUID();
      await manager.insert(PersonalDataRevealEntity, {
        id: revealId,
        actorId: input.actor.userId,
        subjectId: input.subjectId,
        field: input.field,
        reason: input.reason,
        revealedAt,
      });
      await this.events.stage(manager, input.topic, {
        subjectId: input.subjectId,
        payload: {
          revealId,
          actorId: input.actor.userId,
          subjectId: input.subjectId,
          field: input.field,
          reason: input.reason,
          revealedAt: revealedAt.toISOString(),
        },
      });
      return { field: input.field, value, revealedAt: revealedAt.toISOString() };
    });
  }
}
