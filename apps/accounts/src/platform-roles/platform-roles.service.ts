import { type PlatformRole, type PlatformRoleChangeSource, Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PlatformRoleChangeEntity } from './platform-role-change.entity';
import {
  LastPlatformAdminError,
  PlatformAdminExistsError,
  PlatformRoleUserNotFoundError,
} from './platform-roles.errors';
import { PlatformRolesRepository, type RoleHolder } from './platform-roles.repository';
import { type PlannedRoleChange, planRoleChanges, revokesAdmin } from './role-plan';

const HISTORY_LIMIT = 50;

export interface PlatformRolesState {
  readonly userId: string;
  readonly roles: readonly PlatformRole[];
  readonly history: readonly PlatformRoleChangeEntity[];
}

export interface PlatformRolesChanged {
  readonly userId: string;
  readonly roles: readonly PlatformRole[];
  readonly changes: readonly PlannedRoleChange[];
}

interface ChangeAuthority {
  readonly source: PlatformRoleChangeSource;
  readonly actorId: string | null;
  readonly reason: string;
}

/**
 * Platform roles (security_analyst, platform_admin, candidate): set by a platform_admin with a reason, or
 * the first platform_admin appointed by the bootstrap CLI. Every change is kept with its reason and
 * published for the audit chain; it reaches the user's access token at the next sign-in or refresh.
 */
@Injectable()
export class PlatformRolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: PlatformRolesRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async rolesOf(userId: string): Promise<PlatformRolesState> {
    const user = await this.roles.findActiveUser(this.dataSource.manager, userId);
    if (user === null) throw new PlatformRoleUserNotFoundError();
    const history = await this.roles.historyOf(this.dataSource.manager, userId, HISTORY_LIMIT);
    return { userId, roles: user.roles, history };
  }

  /** Sets the user's platform roles to `wanted`; the platform always keeps one active platform_admin. */
  async setRoles(
    actorId: string,
    userId: string,
    wanted: readonly PlatformRole[],
    reason: string,
  ): Promise<PlatformRolesChanged> {
    return this.dataSource.transaction(async (tx) => {
      // Administrators first, then the user: the same order for every change, so concurrent ones queue.
      const admins = await this.roles.lockPlatformAdmins(tx);
      const user = await this.roles.lockActiveUser(tx, userId);
      if (user === null) throw new PlatformRoleUserNotFoundError();
      const plan = planRoleChanges(user.roles, wanted);
      if (revokesAdmin(plan) && admins.every((admin) => admin.id === userId))
        throw new LastPlatformAdminError();
      await this.apply(tx, user, plan.roles, plan.changes, {
        source: 'admin_api',
        actorId,
        reason: reason.trim(),
      });
      return { userId, roles: plan.roles, changes: plan.changes };
    });
  }

  /**
   * The bootstrap CLI: makes the account named by `login` the first platform_admin. Refused once any
   * platform_admin exists (from then on, administrators grant roles through the API); a no-op when the
   * account already is one, so the start command may run it every time.
   */
  async appointFirstAdmin(login: string, reason: string): Promise<PlatformRolesChanged> {
    return this.dataSource.transaction(async (tx) => {
      const admins = await this.roles.lockPlatformAdmins(tx);
      const user = await this.roles.lockActiveUserByLogin(tx, login);
      if (user === null) throw new PlatformRoleUserNotFoundError();
      if (user.roles.includes('platform_admin')) return { userId: user.id, roles: user.roles, changes: [] };
      if (admins.length > 0) throw new PlatformAdminExistsError();
      const plan = planRoleChanges(user.roles, [...user.roles, 'platform_admin']);
      await this.apply(tx, user, plan.roles, plan.changes, {
        source: 'bootstrap_cli',
        actorId: null,
        reason: reason.trim(),
      });
      return { userId: user.id, roles: plan.roles, changes: plan.changes };
    });
  }

  private async apply(
    tx: EntityManager,
    user: RoleHolder,
    roles: PlatformRole[],
    changes: readonly PlannedRoleChange[],
    authority: ChangeAuthority,
  ): Promise<void> {
    if (changes.length === 0) return;
    const now = this.clock.now();
    const rows = changes.map((c) =>
      Object.assign(new PlatformRoleChangeEntity(), {
        userId: user.id,
        role: c.role,
        change: c.change,
        source: authority.source,
        actorId: authority.actorId,
        reason: authority.reason,
        changedAt: now,
      }),
    );
    await this.roles.saveRoles(tx, { ...user, roles });
    await this.roles.recordChanges(tx, rows);
    await this.events.stageMany(
      tx,
      Topics.PlatformRoleChanged,
      rows.map((row) => ({
        subjectId: user.id,
        payload: {
          changeId: row.id,
          userId: user.id,
          role: row.role,
          change: row.change,
          source: row.source,
          ...(row.actorId === null ? {} : { actorId: row.actorId }),
          reason: row.reason,
          changedAt: now.toISOString(),
        },
      })),
    );
  }
}
