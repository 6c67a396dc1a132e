import type { InstitutionMembership, OrgRole } from '@exam/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { MembershipEntity } from './membership.entity';

/** A user's institution roles as access tokens carry them. */
@Injectable()
export class MembershipsReader {
  async of(manager: EntityManager, userId: string): Promise<InstitutionMembership[]> {
    const rows = await manager.find(MembershipEntity, {
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
}
