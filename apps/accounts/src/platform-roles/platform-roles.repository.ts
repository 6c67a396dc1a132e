import { Injectable } from '@nestjs/common';
import { type EntityManager, In, Raw } from 'typeorm';

import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { PlatformRoleChangeEntity } from './platform-role-change.entity';

/** The account fields a role change reads: never the encrypted personal ones. */
export type RoleHolder = Pick<UserEntity, 'id' | 'roles' | 'status'>;

const HOLDER = { id: true, roles: true, status: true } as const;

/** Persistence of a user's platform roles and of their change history. */
@Injectable()
export class PlatformRolesRepository {
  constructor(private readonly users: UsersRepository) {}

  async findActiveUser(manager: EntityManager, userId: string): Promise<RoleHolder | null> {
    return manager.findOne(UserEntity, { select: HOLDER, where: { id: userId, status: 'active' } });
  }

  async lockActiveUser(tx: EntityManager, userId: string): Promise<RoleHolder | null> {
    return tx.findOne(UserEntity, {
      select: HOLDER,
      where: { id: userId, status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** By phone, email or user name, as the person would type it (the bootstrap CLI); locked like lockActiveUser. */
  async lockActiveUserByLogin(tx: EntityManager, login: string): Promise<RoleHolder | null> {
    const found = await this.users.findByLogin(login);
    return found === null ? null : this.lockActiveUser(tx, found.id);
  }

  /**
   * Locks every active platform_admin, in id order, so two administrators demoting each other at once
   * are serialised and the second one sees the first one's change. The candidates are found without a
   * lock first: `roles` is not indexed, and a locking scan would lock every user row it reads.
   */
  async lockPlatformAdmins(tx: EntityManager): Promise<RoleHolder[]> {
    const candidates = await tx.find(UserEntity, {
      select: { id: true },
      // roles is a JSON list in a TEXT column: the ORM has no operator for "the list contains".
      where: {
        status: 'active',
        roles: Raw((column) => `${column} LIKE :adminRole`, { adminRole: '%"platform_admin"%' }),
      },
    });
    if (candidates.length === 0) return [];
    const locked = await tx.find(UserEntity, {
      select: HOLDER,
      where: { id: In(candidates.map((c) => c.id)) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return locked.filter((u) => u.status === 'active' && u.roles.includes('platform_admin'));
  }

  async saveRoles(tx: EntityManager, user: RoleHolder): Promise<void> {
    await tx.update(UserEntity, { id: user.id }, { roles: user.roles });
  }

  async recordChanges(tx: EntityManager, changes: readonly PlatformRoleChangeEntity[]): Promise<void> {
    if (changes.length > 0) await tx.insert(PlatformRoleChangeEntity, [...changes]);
  }

  async historyOf(
    manager: EntityManager,
    userId: string,
    limit: number,
  ): Promise<PlatformRoleChangeEntity[]> {
    return manager.find(PlatformRoleChangeEntity, {
      where: { userId },
      order: { changedAt: 'DESC' },
      take: limit,
    });
  }
}
