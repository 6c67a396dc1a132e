import type { InstitutionMembership, OrgRole, PlatformRole } from '@exam/contracts';

/** The authenticated caller, attached to the request by the JWT strategy. */
export class AuthUser {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly roles: readonly PlatformRole[],
    readonly memberships: readonly InstitutionMembership[],
    /** The privacy policy version the user must accept before anything else; null when nothing is pending. */
    readonly pendingPolicyVersion: string | null = null,
    /** When the user last proved who they are (`auth_time`); null in a token that does not say. */
    readonly authTime: Date | null = null,
  ) {}

  /** True when the last proof of identity is at most `maxAgeSeconds` old at `now`. */
  authenticatedWithin(maxAgeSeconds: number, now: Date): boolean {
    return this.authTime !== null && now.getTime() - this.authTime.getTime() <= maxAgeSeconds * 1000;
  }

  hasRole(role: PlatformRole): boolean {
    return this.roles.includes(role);
  }

  /** True if the user holds one of `roles` in that institution. */
  hasOrgRole(institutionId: string, roles: readonly OrgRole[]): boolean {
    return this.memberships.some(
      (m) => m.institutionId === institutionId && m.roles.some((r) => roles.includes(r)),
    );
  }

  institutionIds(): string[] {
    return this.memberships.map((m) => m.institutionId);
  }
}
