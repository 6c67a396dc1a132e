import { randomUUID } from 'node:crypto';

import type { ClientInfo } from '../sessions/sessions.service';
import { DEVICE_COOKIE, type HeaderSource, readCookie } from './cookies';

export interface ClientRequest extends HeaderSource {
  readonly ip: string;
}

export interface RequestClient extends ClientInfo {
  /** No valid device id came with the request: one was minted and must be set as a cookie. */
  readonly newDevice: boolean;
}

const DEVICE_ID = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * IP, user agent and device id (first-party cookie, else the X-Device-Id header of app clients). Call it once per
 * request: a missing device id is minted here, and the same one must go to the sign-in and into the cookie.
 */
export function clientInfoOf(request: ClientRequest): RequestClient {
  const agent = request.headers['user-agent'];
  const header = request.headers['x-device-id'];
  const given = readCookie(request, DEVICE_COOKIE) ?? (typeof header === 'string' ? header : undefined);
  const valid = given !== undefined && DEVICE_ID.test(given);
  return {
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent : '',
    deviceId: valid ? given : randomUUID(),
    newDevice: !valid,
  };
}
