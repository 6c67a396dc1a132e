import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import { DomainError } from '../errors/domain-error';
import { AuthErrorCode } from '../errors/platform.error-codes';
import { AuthUser } from './auth-user';

/** The authenticated caller of a guarded route. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<{ user?: unknown }>().user;
  if (!(user instanceof AuthUser)) throw new DomainError(AuthErrorCode.UNAUTHENTICATED, 'Sign in first.');
  return user;
});
