import { type InstitutionMembership, type LoginOutcome, Topics } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { MembershipRepository } from '../institutions/membership.repository';
import type { ClientInfo } from '../sessions/sessions.service';

export interface AttemptRecord {
  readonly attemptId: string;
  readonly userId: string | undefined;
  readonly outcome: LoginOutcome;
  readonly reason: string | undefined;
  readonly client: ClientInfo;
  readonly at: Date;
}

/** The contract's cap on institutions per event; a user in more is listed with their oldest memberships. */
const MAX_INSTITUTIONS = 50;

/**
 * `accounts.login.attempted` for every attempt: IP, agent, device, time and the user's institutions
 * (so security staff can filter alerts by institution); never the password or the login typed.
 */
@Injectable()
export class LoginAttemptsRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly memberships: MembershipRepository,
  ) {}

  /** For attempts that change nothing else: the event alone in its own transaction. */
  async record(attempt: AttemptRecord): Promise<void> {
    await this.dataSource.transaction((manager) => this.stage(manager, attempt));
  }

  /** `memberships`: the user's, when the caller has just read them (a successful sign-in reads them for the token). */
  async stage(
    manager: EntityManager,
    attempt: AttemptRecord,
    memberships?: readonly InstitutionMembership[],
  ): Promise<void> {
    const known =
      attempt.userId === undefined
        ? []
        : (memberships ?? (await this.memberships.membershipsOf(manager, attempt.userId)));
    const institutionIds = known.map((m) => m.institutionId).slice(0, MAX_INSTITUTIONS);
    await this.events.stage(manager, Topics.LoginAttempted, {
      subjectId: attempt.userId ?? attempt.attemptId,
      payload: {
        attemptId: attempt.attemptId,
        ...(attempt.userId === undefined ? {} : { userId: attempt.userId }),
        outcome: attempt.outcome,
        ...(attempt.reason === undefined ? {} : { reason: attempt.reason }),
        ip: attempt.client.ip.slice(0, 45),
        userAgent: attempt.client.userAgent.slice(0, 512),
        ...(attempt.client.deviceId === undefined ? {} : { deviceId: attempt.client.deviceId }),
        attemptedAt: attempt.at.toISOString(),
        ...(institutionIds.length === 0 ? {} : { institutionIds }),
      },
    });
  }
}
