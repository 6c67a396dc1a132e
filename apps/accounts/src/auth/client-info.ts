import { randomUUID } from 'node:crypto';
import { DEVICE_COOKIE, readCookie, type HeaderSource } from './cookies';
import type { ClientInfo } from '../sessions/sessions.service';

export interface ClientRequest extends HeaderSource {
  readonly ip: string;
}

const DEVICE_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** IP, user agent and device id (first-party cookie, else the X-Device-Id header of app clients). */
export function clientInfoOf(request: ClientRequest): ClientInfo & { newDevice: boolean } {
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
