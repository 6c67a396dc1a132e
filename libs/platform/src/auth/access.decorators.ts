import type { OrgRole, PlatformRole } from '@exam/contracts';
import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';
export const TENANT_ACCESS = 'auth:tenant';
export const ALLOWED_WITH_PENDING_POLICY = 'auth:allowed-with-pending-policy';
export const RECENT_AUTH = 'auth:recent-auth';

/** How recent a sign-in the routes that change credentials, contacts or the enrolled face need by default. */
export const RECENT_AUTH_MAX_AGE_SECONDS = 300;

/** No token needed (registration, login, public policy texts). Every other route requires one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Reachable while the caller still has to accept a materially changed privacy policy (the token's
 * `pendingPolicy` claim): accepting it, and what a user may do without agreeing (withdraw consent, get a copy of
 * their data, cancel the account, sign out). Every other route answers 403 AUTH.POLICY_ACCEPTANCE_REQUIRED.
 */
export const AllowedWithPendingPolicy = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_WITH_PENDING_POLICY, true);

/** The caller needs at least one of these platform roles. */
export const Roles = (...roles: PlatformRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

export interface TenantAccess {
  /** Route parameter holding the institution id. */
  readonly param: string;
  readonly roles: readonly OrgRole[];
  /** Platform roles that may act on any institution (e.g. platform_admin for support). */
  readonly bypass: readonly PlatformRole[];
}

/**
 * The caller must hold one of `roles` in the institution named by route parameter `param`:
 * one institution never sees another's data.
 */
export const TenantRoles = (
  param: string,
  roles: readonly OrgRole[],
  bypass: readonly PlatformRole[] = ['platform_admin'],
): MethodDecorator & ClassDecorator =>
  SetMetadata(TENANT_ACCESS, { param, roles, bypass } satisfies TenantAccess);

/**
 * The token's `auth_time` must be at most `maxAgeSeconds` old: an access token taken from a device (or a
 * refreshed session) alone cannot change credentials, contacts or the enrolled face. Otherwise 403
 * AUTH.RECENT_AUTHENTICATION_REQUIRED, and the client re-authenticates with the password.
 */
export const RequiresRecentAuth = (
  maxAgeSeconds: number = RECENT_AUTH_MAX_AGE_SECONDS,
): MethodDecorator & ClassDecorator => SetMetadata(RECENT_AUTH, maxAgeSeconds);
