import { randomUUID } from 'node:crypto';

import { ORG_ROLES, type OrgRole, PLATFORM_ROLES, type PlatformRole } from '@exam/contracts';
import { issueTestToken } from '@exam/testing';

import type { DocumentedRoute } from './documented-routes';

/** A caller the route's documented access must refuse, and the answers that count as refusing. */
export interface Denial {
  readonly caller: string;
  readonly token: string | undefined;
  /** The institution the path names, when the route is scoped to one. */
  readonly institutionId: string;
  readonly refusedWith: readonly number[];
}

function listed<T extends string>(names: readonly string[], all: readonly T[]): T[] {
  return all.filter((role) => names.includes(role));
}

/**
 * Who must not get through, derived from the access the API reference documents for the route: nobody
 * without a token (401) unless it is public; for a role-restricted route, a caller holding every other
 * platform role and every institution role (403); for a route scoped to an institution, staff of another
 * institution, and staff of the same institution without the required role (403, or 404 where a route does
 * not confirm that the institution exists).
 */
export function denialsFor(route: DocumentedRoute): Denial[] {
  const { access } = route;
  if (access.public) return [];
  const institutionId = randomUUID();
  const anonymous: Denial = { caller: 'no token', token: undefined, institutionId, refusedWith: [401] };
  if (access.platformRoles !== undefined) {
    const allowed = listed<PlatformRole>(access.platformRoles, PLATFORM_ROLES);
    const others = PLATFORM_ROLES.filter((r) => !allowed.includes(r));
    const memberships = [{ institutionId, roles: [...ORG_ROLES] }];
    const denials = [anonymous];
    if (others.length > 0)
      denials.push({
        caller: `roles ${others.join(', ')} and every institution role`,
        token: issueTestToken({ roles: others, memberships }),
        institutionId,
        refusedWith: [403],
      });
    return denials;
  }
  if (access.institution !== undefined) {
    if (access.institution.param !== 'institutionId')
      throw new Error(
        `${route.method} ${route.path}: institution parameter {${access.institution.param}} is not one this sweep knows; teach test/support/access-denials.ts`,
      );
    const allowed = listed<OrgRole>(access.institution.roles, ORG_ROLES);
    const otherRoles = ORG_ROLES.filter((r) => !allowed.includes(r));
    const denials: Denial[] = [
      anonymous,
      {
        caller: `${allowed.join(' / ')} of another institution`,
        token: issueTestToken({
          roles: ['candidate'],
          memberships: [{ institutionId: randomUUID(), roles: allowed }],
        }),
        institutionId,
        refusedWith: [403, 404],
      },
    ];
    if (otherRoles.length > 0) {
      denials.push({
        caller: `${otherRoles.join(' / ')} of the same institution`,
        token: issueTestToken({ roles: ['candidate'], memberships: [{ institutionId, roles: otherRoles }] }),
        institutionId,
        refusedWith: [403, 404],
      });
    }
    return denials;
  }
  return [anonymous];
}
