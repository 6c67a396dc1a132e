import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PolicyAcceptanceEntity } from './policy-acceptance.entity';

/** Persistence of which policy versions a user accepted, and when. */
@Injectable()
export class PolicyAcceptanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an acceptance once; accepting the same version again keeps the first time. */
  async record(tx: EntityManager | null, userId: string, version: string, now: Date): Promise<void> {
    // Raw SQL: INSERT IGNORE, an idempotent insert the ORM cannot say without a read first.
    await (tx ?? this.dataSource.manager).query(
      'INSERT IGNORE INTO policy_acceptances (user_id, version, accepted_at) VALUES (?, ?, ?)',
      [userId, version, now],
    );
  }

  async listOfUser(tx: EntityManager, userId: string, take: number): Promise<PolicyAcceptanceEntity[]> {
    return tx.find(PolicyAcceptanceEntity, { where: { userId }, order: { acceptedAt: 'DESC' }, take });
  }

  async deleteAllOfUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(PolicyAcceptanceEntity, { userId });
  }

  /** Retention: acceptances of users that no longer exist (registrations just deleted). */
  async deleteOrphaned(tx: EntityManager, userIds: readonly string[]): Promise<void> {
    // Raw SQL: set-based bulk delete with a subquery the ORM cannot say.
    await tx.query(
      'DELETE FROM policy_acceptances WHERE user_id IN (?) AND user_id NOT IN (SELECT id FROM users)',
      [userIds],
    );
  }
}
