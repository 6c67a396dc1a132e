import { LOGIN_RISK_DECIDE_SCOPE, SERVICE_TOKEN_AUDIENCE } from '@exam/contracts';
import {
  AUTH_SETTINGS,
  type AuthSettings,
  JWT_ALGORITHM,
  JWT_ISSUER,
  UnauthenticatedError,
} from '@exam/platform';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { decode, verify } from 'jsonwebtoken';

interface BearerRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Admits only the accounts service: a one-minute ES256 token signed with accounts' key (the public keys every
 * service already trusts), for the internal audience and the risk-decision scope. A user's access token has
 * another audience and is refused.
 */
@Injectable()
export class AccountsCallerGuard implements CanActivate {
  constructor(@Inject(AUTH_SETTINGS) private readonly auth: AuthSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<BearerRequest>().headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : '';
    const kid = decode(token, { complete: true })?.header.kid;
    const key = kid === undefined ? undefined : this.auth.publicKeys.get(kid);
    if (key === undefined)
      throw new UnauthenticatedError('Only the accounts service may ask for a decision.');
    try {
      const claims = verify(token, key, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: SERVICE_TOKEN_AUDIENCE,
        subject: 'service:accounts',
      });
      if (typeof claims === 'object' && claims.scope === LOGIN_RISK_DECIDE_SCOPE) return true;
    } catch {
      // Expired, forged or foreign: the same refusal below.
    }
    throw new UnauthenticatedError('Only the accounts service may ask for a decision.');
  }
}
