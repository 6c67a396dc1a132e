import { CONSENT_PURPOSES, type ConsentPurpose, Topics } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, LessThanOrEqual, QueryFailedError } from 'typeorm';

import { ConsentEntity } from './consent.entity';
import { ConsentChangeEntity } from './consent-change.entity';
import type { PublishPolicyDto } from './dto/privacy.dto';
import { PolicyVersionEntity } from './policy-version.entity';
import {
  CurrentPolicyNotAcceptedError,
  PolicyVersionExistsError,
  PolicyVersionNotFoundError,
} from './privacy.errors';

export interface ConsentState {
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly policyVersion: string | null;
  readonly updatedAt: Date | null;
}

/** Privacy policy versions, their acceptance, and consent per optional purpose (withdrawal is published). */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<PolicyVersionEntity | null> {
    return manager.findOne(PolicyVersionEntity, {
      where: { effectiveAt: LessThanOrEqual(this.clock.now()) },
      order: { effectiveAt: 'DESC' },
    });
  }

  async versions(): Promise<PolicyVersionEntity[]> {
    return this.dataSource.getRepository(PolicyVersionEntity).find({
      select: { id: true, version: true, effectiveAt: true, materialChange: true },
      order: { effectiveAt: 'DESC' },
      take: 200,
    });
  }

  async version(version: string): Promise<PolicyVersionEntity> {
    const found = await this.dataSource.getRepository(PolicyVersionEntity).findOneBy({ version });
    if (found === null) throw new PolicyVersionNotFoundError();
    return found;
  }

  async publish(input: PublishPolicyDto): Promise<PolicyVersionEntity> {
    const entity = Object.assign(new PolicyVersionEntity(), {
      version: input.version,
      text: input.text,
      effectiveAt: new Date(input.effectiveAt),
      materialChange: input.materialChange,
      createdAt: this.clock.now(),
    });
    try {
      await this.dataSource.getRepository(PolicyVersionEntity).insert(entity);
    } catch (error: unknown) {
      if (error instanceof QueryFailedError && /Duplicate entry/.test(error.message))
        throw new PolicyVersionExistsError();
      throw error;
    }
    return entity;
  }

  /** Registration: when a policy is in force, the version the user saw must be it. */
  async acceptAtRegistration(
    manager: EntityManager,
    userId: string,
    accepted: string | undefined,
  ): Promise<void> {
    const current = await this.current(manager);
    if (current === null) return;
    if (accepted !== current.version) throw new CurrentPolicyNotAcceptedError(current.version);
    await this.record(manager, userId, current.version);
  }

  async accept(userId: string, version: string): Promise<void> {
    const found = await this.version(version);
    if (found.effectiveAt.getTime() > this.clock.now().getTime()) throw new PolicyVersionNotFoundError();
    await this.record(this.dataSource.manager, userId, found.version);
  }

  /**
   * The version to accept before anything else, when a material change came after the user's last acceptance.
   * On every sign-in and refresh, so the common case (nothing pending) is one indexed query.
   */
  async pendingAcceptance(manager: EntityManager, userId: string): Promise<string | null> {
    const rows: { version: string; accepted: number | string }[] = await manager.query(
      `SELECT m.version AS version,
              EXISTS (SELECT 1 FROM policy_acceptances a JOIN policy_versions v ON v.version = a.version
                       WHERE a.user_id = ? AND v.effective_at >= m.effective_at) AS accepted
         FROM policy_versions m
        WHERE m.material_change = 1 AND m.effective_at <= ?
        ORDER BY m.effective_at DESC LIMIT 1`,
      [userId, this.clock.now()],
    );
    const material = rows.at(0);
    if (material === undefined || Number(material.accepted) === 1) return null;
    return (await this.current(manager))?.version ?? material.version;
  }

  async consents(userId: string): Promise<ConsentState[]> {
    const rows = await this.dataSource.getRepository(ConsentEntity).findBy({ userId });
    return CONSENT_PURPOSES.map((purpose) => {
      const row = rows.find((r) => r.purpose === purpose);
      return {
        purpose,
        granted: row?.granted ?? false,
        policyVersion: row?.policyVersion ?? null,
        updatedAt: row?.updatedAt ?? null,
      };
    });
  }

  /** Gives or withdraws one consent; a real change is published so the service doing that processing obeys. */
  async setConsent(userId: string, purpose: ConsentPurpose, granted: boolean): Promise<ConsentState> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const existing = await manager.findOne(ConsentEntity, {
        where: { userId, purpose },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing?.granted === granted) return existing;
      const policyVersion = (await this.current(manager))?.version ?? null;
      const row = Object.assign(existing ?? new ConsentEntity(), {
        userId,
        purpose,
        granted,
        policyVersion,
        updatedAt: now,
      });
      await manager.save(row);
      await manager.insert(
        ConsentChangeEntity,
        Object.assign(new ConsentChangeEntity(), { userId, purpose, granted, policyVersion, changedAt: now }),
      );
      await this.events.stage(manager, Topics.ConsentChanged, {
        subjectId: userId,
        payload: {
          userId,
          purpose,
          granted,
          ...(policyVersion === null ? {} : { policyVersion }),
          changedAt: now.toISOString(),
        },
      });
      return row;
    });
  }

  private async record(manager: EntityManager, userId: string, version: string): Promise<void> {
    await manager.query(
      'INSERT IGNORE INTO policy_acceptances (user_id, version, accepted_at) VALUES (?, ?, ?)',
      [userId, version, this.clock.now()],
    );
  }
}
