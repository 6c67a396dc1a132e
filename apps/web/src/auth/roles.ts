import type { Session } from './token-store';

export const SECURITY_ROLES = ['security_analyst', 'platform_admin'] as const;
export const STAFF_ROLES = ['org_admin', 'org_staff'] as const;

export function hasPlatformRole(session: Session, roles: readonly string[]): boolean {
  return session.roles.some((role) => roles.includes(role));
}

/** Institutions where the session holds one of `roles` (staff consoles list only these). */
export function institutionsWithRole(session: Session, roles: readonly string[]): string[] {
  return session.memberships
    .filter((m) => m.roles.some((role) => roles.includes(role)))
    .map((m) => m.institutionId);
}
