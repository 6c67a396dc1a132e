export const REFRESH_COOKIE = 'exam_refresh';
export const DEVICE_COOKIE = 'exam_device';
/** The refresh cookie only travels to the token endpoints, never to other services behind the gateway. */
export const REFRESH_COOKIE_PATH = '/api/accounts/auth';

export interface HeaderSource {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

interface CookieAttributes {
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: 'Strict' | 'Lax';
  readonly path: string;
  readonly expires: Date;
}

/**
 * Cookies are read and written here rather than by the @fastify/cookie plugin: the shared bootstrap has no hook
 * to register Fastify plugins before routes are built, and the plugin's serializer only works once registered.
 * Values written here are base64url or UUIDs, so no encoding is needed; values read are URI-decoded when valid.
 */
export function readCookie(request: HeaderSource, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    let value: string;
    try {
      value = decodeURIComponent(raw);
    } catch {
      value = raw;
    }
    return value === '' ? undefined : value;
  }
  return undefined;
}

function serialize(name: string, value: string, attributes: CookieAttributes): string {
  return [
    `${name}=${value}`,
    `Path=${attributes.path}`,
    `Expires=${attributes.expires.toUTCString()}`,
    ...(attributes.httpOnly ? ['HttpOnly'] : []),
    ...(attributes.secure ? ['Secure'] : []),
    `SameSite=${attributes.sameSite}`,
  ].join('; ');
}

export function refreshCookie(token: string, expires: Date, secure: boolean): string {
  return serialize(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: REFRESH_COOKIE_PATH,
    expires,
  });
}

export function clearedRefreshCookie(secure: boolean): string {
  return serialize(REFRESH_COOKIE, '', {
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    path: REFRESH_COOKIE_PATH,
    expires: new Date(0),
  });
}

/** Long-lived first-party device id, so sessions and login events can name the device. */
export function deviceCookie(deviceId: string, secure: boolean, now: Date): string {
  return serialize(DEVICE_COOKIE, deviceId, {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    expires: new Date(now.getTime() + 400 * 86_400_000),
  });
}
