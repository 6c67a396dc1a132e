import { CONSENT_PURPOSES, type ConsentPurpose, Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { ConsentEntity } from './consent.entity';
import { ConsentRepository } from './consent.repository';
import { ConsentChangeEntity } from './consent-change.entity';
import type { PublishPolicyDto } from './dto/privacy.dto';
import { PolicyAcceptanceRepository } from './policy-acceptance.repository';
import { PolicyVersionEntity } from './policy-version.entity';
import { PolicyVersionRepository } from './policy-version.repository';
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
    private readonly policies: PolicyVersionRepository,
    private readonly acceptances: PolicyAcceptanceRepository,
    private readonly consentRows: ConsentRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** The version in force now; `tx`: the caller's transaction, or null to read on the pool. */
  async current(tx: EntityManager | null = null): Promise<PolicyVersionEntity | null> {
    return this.policies.inForce(tx, this.clock.now());
  }

  async versions(): Promise<PolicyVersionEntity[]> {
    return this.policies.list();
  }

  async version(version: string): Promise<PolicyVersionEntity> {
    const found = await this.policies.findByVersion(version);
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
    if (!(await this.policies.insert(entity))) throw new PolicyVersionExistsError();
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
    await this.acceptances.record(manager, userId, current.version, this.clock.now());
  }

  async accept(userId: string, version: string): Promise<void> {
    const found = await this.version(version);
    if (found.effectiveAt.getTime() > this.clock.now().getTime()) throw new PolicyVersionNotFoundError();
    await this.acceptances.record(null, userId, found.version, this.clock.now());
  }

  /**
   * The version to accept before anything else, when a material change came after the user's last acceptance.
   * On every sign-in and refresh, so the common case (nothing pending) is one indexed query.
   */
  async pendingAcceptance(tx: EntityManager | null, userId: string): Promise<string | null> {
    const material = await this.policies.latestMaterialChange(tx, userId, this.clock.now());
    if (material === undefined || material.accepted) return null;
    return (await this.current(tx))?.version ?? material.version;
  }

  async consents(userId: string): Promise<ConsentState[]> {
    const rows = await this.consentRows.listOfUser(userId);
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
      const existing = await this.consentRows.lockOne(manager, userId, purpose);
      if (existing?.granted === granted) return existing;
      const policyVersion = (await this.current(manager))?.version ?? null;
      const row = Object.assign(existing ?? new ConsentEntity(), {
        userId,
        purpose,
        granted,
        policyVersion,
        updatedAt: now,
      });
      await this.consentRows.record(
        manager,
        row,
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
}
