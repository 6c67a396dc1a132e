import type { InstitutionMembership, OrgRole } from '@exam/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';

import { MembershipEntity } from './membership.entity';

/** Persistence of institution roles (one row per user, institution and role). */
@Injectable()
export class MembershipRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A user's institution roles as access tokens carry them, in the caller's transaction or (null) on the pool,
   * where it runs beside the other reads of a token grant.
   */
  async membershipsOf(tx: EntityManager | null, userId: string): Promise<InstitutionMembership[]> {
    const rows = await (tx ?? this.dataSource.manager).find(MembershipEntity, {
      where: { userId },
      order: { createdAt: 'ASC' },
      take: 200,
    });
    const byInstitution = new Map<string, OrgRole[]>();
    for (const row of rows) {
      const roles = byInstitution.get(row.institutionId) ?? [];
      roles.push(row.role);
      byInstitution.set(row.institutionId, roles);
    }
    return [...byInstitution].map(([institutionId, roles]) => ({ institutionId, roles }));
  }

  async listOfInstitution(institutionId: string): Promise<MembershipEntity[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { institutionId }, order: { createdAt: 'ASC' }, take: 1000 });
  }

  async listOfUser(tx: EntityManager, userId: string, take: number): Promise<MembershipEntity[]> {
    return tx.find(MembershipEntity, { where: { userId }, order: { createdAt: 'ASC' }, take });
  }

  async insert(tx: EntityManager, membership: MembershipEntity): Promise<void> {
    await tx.insert(MembershipEntity, membership);
  }

  async exists(tx: EntityManager, institutionId: string, userId: string, role: OrgRole): Promise<boolean> {
    return (await tx.findOneBy(MembershipEntity, { institutionId, userId, role })) !== null;
  }

  async lockOne(
    tx: EntityManager,
    institutionId: string,
    userId: string,
    role: OrgRole,
  ): Promise<MembershipEntity | null> {
    return tx.findOne(MembershipEntity, {
      where: { institutionId, userId, role },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The org_admin rows of these institutions, locked for update (an institution must keep one). */
  async lockAdmins(tx: EntityManager, institutionIds: readonly string[]): Promise<MembershipEntity[]> {
    return tx.find(MembershipEntity, {
      where: { institutionId: In([...institutionIds]), role: 'org_admin' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async adminRolesOf(tx: EntityManager, userId: string): Promise<MembershipEntity[]> {
    return tx.find(MembershipEntity, { where: { userId, role: 'org_admin' } });
  }

  async allOfUser(tx: EntityManager, userId: string): Promise<MembershipEntity[]> {
    return tx.find(MembershipEntity, { where: { userId } });
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(MembershipEntity, { id });
  }
}
