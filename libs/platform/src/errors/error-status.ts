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
    case 'method_not_allowed':
      return HttpStatus.METHOD_NOT_ALLOWED;
    case 'length_required':
      return HttpStatus.LENGTH_REQUIRED;
    case 'too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'unsupported_media_type':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'bad_gateway':
      return HttpStatus.BAD_GATEWAY;
    case 'gateway_timeout':
      return HttpStatus.GATEWAY_TIMEOUT;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'internal':
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
