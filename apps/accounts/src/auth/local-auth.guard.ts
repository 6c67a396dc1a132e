import { RequestValidationError } from '@exam/platform';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { LoginDto } from './dto/login.dto';

/**
 * Guards run before pipes, so the body is validated here: a malformed login gets the usual 400 naming the
 * field instead of passport's bare "missing credentials".
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const dto = plainToInstance(LoginDto, typeof body === 'object' && body !== null ? body : {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new RequestValidationError(
        errors.flatMap((e) =>
          Object.values(e.constraints ?? { invalid: 'is invalid' }).map((reason) => ({
            field: e.property,
            reason,
          })),
        ),
      );
    }
    return (await super.canActivate(context)) === true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof Error) throw error;
    if (user === false)
      throw new RequestValidationError([{ field: 'login', reason: 'login and password are required' }]);
    return user;
  }
}
