import type { PlatformRole } from '@exam/contracts';
import { ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

import { DomainError, ForbiddenError } from '../errors/domain-error';
import { AuthErrorCode } from '../errors/platform.error-codes';
import {
  PolicyAcceptanceRequiredError,
  RecentAuthenticationRequiredError,
  UnauthenticatedError,
} from '../errors/platform.errors';
import { Clock, SystemClock } from '../time/clock';
import {
  ALLOWED_WITH_PENDING_POLICY,
  PUBLIC_ROUTE,
  RECENT_AUTH,
  REQUIRED_ROLES,
  TENANT_ACCESS,
  type TenantAccess,
} from './access.decorators';
import { AuthUser } from './auth-user';
import { SESSION_REVOCATIONS, SessionRevocations } from './session-revocations';

interface RequestWithUser {
  user?: unknown;
  params?: Record<string, string | undefined>;
}

/**
 * Global guard: every route needs a valid access token of a session not revoked (the shared revocation list,
 * checked by the token's `sid`) unless marked @Public(); then the
 * @Roles() and @TenantRoles() requirements of the handler or its controller must hold. A token that says a
 * privacy policy acceptance is pending opens only routes marked @AllowedWithPendingPolicy(); a route marked
 * @RequiresRecentAuth() needs a token whose `auth_time` is recent enough.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly clock: Clock;

  constructor(
    private readonly reflector: Reflector,
    @Optional() clock?: Clock,
    /** Null when the service runs without REDIS_URL (tests, local runs; production refuses to start so). */
    @Optional() @Inject(SESSION_REVOCATIONS) private readonly revocations: SessionRevocations | null = null,
  ) {
    super();
    this.clock = clock ?? new SystemClock();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const user = request.user;
    if (!(user instanceof AuthUser)) throw new UnauthenticatedError('Sign in first.');
    if (this.revocations !== null && (await this.revocations.isRevoked(user.sessionId))) {
      throw new UnauthenticatedError(
        'Your session has ended (signed out, password changed or locked for security); sign in again.',
      );
    }
    if (
      user.pendingPolicyVersion !== null &&
      this.reflector.getAllAndOverride<boolean | undefined>(ALLOWED_WITH_PENDING_POLICY, targets) !== true
    ) {
      throw new PolicyAcceptanceRequiredError(user.pendingPolicyVersion);
    }
    const recentAuth = this.reflector.getAllAndOverride<number | undefined>(RECENT_AUTH, targets);
    if (recentAuth !== undefined && !user.authenticatedWithin(recentAuth, this.clock.now())) {
      throw new RecentAuthenticationRequiredError(recentAuth);
    }
    const roles = this.reflector.getAllAndOverride<PlatformRole[] | undefined>(REQUIRED_ROLES, targets);
    const tenant = this.reflector.getAllAndOverride<TenantAccess | undefined>(TENANT_ACCESS, targets);
    if (roles && !roles.some((r) => user.hasRole(r))) {
      throw new ForbiddenError(
        AuthErrorCode.ROLE_REQUIRED,
        `This needs one of the roles: ${roles.join(', ')}.`,
      );
    }
    if (tenant) {
      const institutionId = request.params?.[tenant.param];
      const bypass = tenant.bypass.some((r) => user.hasRole(r));
      if (!bypass && (institutionId === undefined || !user.hasOrgRole(institutionId, tenant.roles))) {
        throw new ForbiddenError(
          AuthErrorCode.TENANT_FORBIDDEN,
          'You do not have access to this institution.',
        );
      }
    }
    return true;
  }

  /** Missing, expired, malformed or foreign tokens all get the same 401 with an actionable message. */
  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error !== null && error !== undefined) throw this.unauthenticated();
    if (user === false) throw this.unauthenticated();
    return user;
  }

  private unauthenticated(): DomainError {
    return new UnauthenticatedError();
  }
}
