import { HttpStatus } from '@nestjs/common';

import type { ErrorKind } from './error-codes';

export function statusOf(kind: ErrorKind): HttpStatus {
  switch (kind) {
    case 'invalid':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'gone':
      return HttpStatus.GONE;
    case 'unprocessable':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'too_many':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'internal':
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
