import { fastifyCookie } from '@fastify/cookie';

const { parse, serialize } = fastifyCookie;

export const REFRESH_COOKIE = 'exam_refresh';
export const DEVICE_COOKIE = 'exam_device';
/** The refresh cookie only travels to the token endpoints, never to other services behind the gateway. */
export const REFRESH_COOKIE_PATH = '/api/accounts/auth';

export interface HeaderSource {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export function readCookie(request: HeaderSource, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  const cookies = parse(header);
  const value = Object.hasOwn(cookies, name) ? cookies[name] : '';
  return value === '' ? undefined : value;
}

/**
 * Cookies are parsed and serialized with @fastify/cookie's functions rather than its plugin, because the shared
 * bootstrap gives services no hook to register Fastify plugins before routes are built.
 */
export function refreshCookie(token: string, expires: Date, secure: boolean): string {
  return serialize(REFRESH_COOKIE, token, { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH, expires });
}

export function clearedRefreshCookie(secure: boolean): string {
  return serialize(REFRESH_COOKIE, '', { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH, expires: new Date(0) });
}

export function deviceCookie(deviceId: string, secure: boolean): string {
  return serialize(DEVICE_COOKIE, deviceId, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    maxAge: 400 * 86_400,
  });
}
