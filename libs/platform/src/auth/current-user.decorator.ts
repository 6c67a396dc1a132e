import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import { UnauthenticatedError } from '../errors/platform.errors';
import { AuthUser } from './auth-user';

/** The authenticated caller of a guarded route. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<{ user?: unknown }>().user;
  if (!(user instanceof AuthUser)) throw new UnauthenticatedError('Sign in first.');
  return user;
});
