import { type ValidationError, ValidationPipe } from '@nestjs/common';

import { type ErrorDetail, RequestValidationError } from '../errors/domain-error';

function toDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toDetails(error.children ?? [], field)];
  });
}

/** Whitelist, reject unknown fields, transform to DTO classes; errors name the field and the rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(toDetails(errors)),
  });
}
