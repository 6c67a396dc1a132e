import { PLATFORM_ROLES, type PlatformRole, type PlatformRoleChange } from '@exam/contracts';

export interface PlannedRoleChange {
  readonly role: PlatformRole;
  readonly change: PlatformRoleChange;
}

export interface RolePlan {
  /** The roles the user ends with, in the order of PLATFORM_ROLES. */
  readonly roles: PlatformRole[];
  readonly changes: PlannedRoleChange[];
}

/** What setting `wanted` on a user holding `current` grants and revokes (pure; the service checks the rules). */
export function planRoleChanges(current: readonly PlatformRole[], wanted: readonly PlatformRole[]): RolePlan {
  const roles = PLATFORM_ROLES.filter((r) => wanted.includes(r));
  const changes: PlannedRoleChange[] = [
    ...roles.filter((r) => !current.includes(r)).map((role) => ({ role, change: 'granted' as const })),
    ...PLATFORM_ROLES.filter((r) => current.includes(r) && !roles.includes(r)).map((role) => ({
      role,
      change: 'revoked' as const,
    })),
  ];
  return { roles, changes };
}

/** True when the plan takes platform_admin away from a user. */
export function revokesAdmin(plan: RolePlan): boolean {
  return plan.changes.some((c) => c.role === 'platform_admin' && c.change === 'revoked');
}
