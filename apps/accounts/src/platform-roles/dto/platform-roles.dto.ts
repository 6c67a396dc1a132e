import {
  PLATFORM_ROLES,
  type PlatformRole,
  type PlatformRoleChange,
  type PlatformRoleChangeSource,
} from '@exam/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, Matches } from 'class-validator';

import type { PlatformRoleChangeEntity } from '../platform-role-change.entity';
import type { PlatformRolesChanged, PlatformRolesState } from '../platform-roles.service';

/** The complete set of platform roles the user should hold, and why (kept and chained in the audit log). */
export class SetPlatformRolesDto {
  @IsArray({ message: `roles must be a list of: ${PLATFORM_ROLES.join(', ')}` })
  @ArrayMaxSize(PLATFORM_ROLES.length)
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsIn(PLATFORM_ROLES, { each: true, message: `roles must be a list of: ${PLATFORM_ROLES.join(', ')}` })
  roles!: PlatformRole[];

  /** Trimmed; kept in accounts with the change, chained in the audit log as its SHA-256. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(/^[\s\S]{3,500}$/, { message: 'reason must say why the roles change (3 to 500 characters)' })
  reason!: string;
}

export class PlatformRoleChangeDto {
  role!: PlatformRole;
  change!: PlatformRoleChange;
}

export class PlatformRoleHistoryEntryDto {
  role!: PlatformRole;
  change!: PlatformRoleChange;
  source!: PlatformRoleChangeSource;
  /** The administrator; null when the bootstrap CLI appointed the first one. */
  actorId!: string | null;
  reason!: string;
  changedAt!: string;

  static from(row: PlatformRoleChangeEntity): PlatformRoleHistoryEntryDto {
    return Object.assign(new PlatformRoleHistoryEntryDto(), {
      role: row.role,
      change: row.change,
      source: row.source,
      actorId: row.actorId,
      reason: row.reason,
      changedAt: row.changedAt.toISOString(),
    });
  }
}

export class PlatformRolesResponseDto {
  userId!: string;
  roles!: PlatformRole[];
  /** The latest changes first (at most 50). */
  history!: PlatformRoleHistoryEntryDto[];

  static from(state: PlatformRolesState): PlatformRolesResponseDto {
    return Object.assign(new PlatformRolesResponseDto(), {
      userId: state.userId,
      roles: [...state.roles],
      history: state.history.map((h) => PlatformRoleHistoryEntryDto.from(h)),
    });
  }
}

export class PlatformRolesChangedDto {
  userId!: string;
  roles!: PlatformRole[];
  /** What this call granted and revoked; empty when the user already held exactly these roles. */
  changes!: PlatformRoleChangeDto[];

  static from(result: PlatformRolesChanged): PlatformRolesChangedDto {
    return Object.assign(new PlatformRolesChangedDto(), {
      userId: result.userId,
      roles: [...result.roles],
      changes: result.changes.map((c) => Object.assign(new PlatformRoleChangeDto(), c)),
    });
  }
}
