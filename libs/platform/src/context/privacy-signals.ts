import type { IncomingHttpHeaders } from 'node:http';

const isOn = (value: string | string[] | undefined): boolean =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).some((v) => v.trim() === '1');

/**
 * Whether optional analytics may run for a request: not when it carries `DNT: 1` (Do Not Track) or `Sec-GPC: 1`
 * (Global Privacy Control). Both are per-request signals; any other value, or none, leaves the choice to consent.
 * This is a necessary gate, not a sufficient one: optional analytics would also need its own consent purpose.
 */
export function optionalAnalyticsAllowedBy(headers: IncomingHttpHeaders): boolean {
  return !isOn(headers.dnt) && !isOn(headers['sec-gpc']);
}
