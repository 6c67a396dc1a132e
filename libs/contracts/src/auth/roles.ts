/** Platform-wide roles, carried in access tokens. */
export const PLATFORM_ROLES = ['candidate', 'security_analyst', 'platform_admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Roles inside one institution (tenant). A user may hold different roles in several institutions. */
export const ORG_ROLES = ['org_admin', 'org_staff'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface InstitutionMembership {
  readonly institutionId: string;
  readonly roles: readonly OrgRole[];
}

/** The claims of an access token, as every service sees them after verification. */
export interface AccessTokenClaims {
  /** User id. */
  readonly sub: string;
  readonly roles: readonly PlatformRole[];
  readonly memberships: readonly InstitutionMembership[];
  /** Session id, so a revoked session's tokens can be recognised. */
  readonly sid: string;
  /**
   * Present while the user has not accepted the privacy policy version in force after a material change: the
   * version to accept. Every service then refuses all but a few routes (AUTH.POLICY_ACCEPTANCE_REQUIRED).
   */
  readonly pendingPolicy?: string;
  /**
   * When the user last proved who they are (password or face sign-in, or re-authentication), in seconds since
   * the epoch (OpenID Connect `auth_time`). Refreshing keeps it unchanged; routes that change credentials, contacts
   * or the enrolled face need it to be recent (AUTH.RECENT_AUTHENTICATION_REQUIRED).
   */
  readonly auth_time?: number;
}
