const DEVICE_ID = /^[A-Za-z0-9_-]{8,128}$/;

/** The device id a request names (X-Device-Id), or null when it names none or a malformed one. */
export function deviceIdOf(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && DEVICE_ID.test(header) ? header : null;
}

/**
 * Who a request's device is to an attempt: its holder, the device it was taken over from (told so), or
 * another device (which must take over explicitly).
 */
export function deviceRole(
  attempt: { readonly deviceId: string; readonly previousDeviceId: string | null },
  deviceId: string,
): 'holder' | 'taken_over' | 'other' {
  if (attempt.deviceId === deviceId) return 'holder';
  return attempt.previousDeviceId === deviceId ? 'taken_over' : 'other';
}
