import { findSensitiveNumbers } from '@exam/crypto';

/**
 * Route-wide masking check for e2e suites. Every response body of a service started with
 * `startTestService` is inspected: a full ID/phone/card number (checksum-validated) or any plaintext
 * value a test seeded with `seedPersonalData` (names, ID numbers, contacts of test persons) is a leak.
 * The leak guard fails the test file if any was seen; reports name the route, never the value.
 */
const seeded = new Set<string>();
const leaks: string[] = [];

/** Declares plaintext personal values that must never appear verbatim in a response. */
export function seedPersonalData(...values: string[]): void {
  for (const value of values) if (value.trim().length >= 2) seeded.add(value);
}

/** Marks a route whose purpose is to return one full value to an authorised caller (a reveal endpoint). */
const allowedRoutes = new Set<string>();
export function allowFullValuesOn(method: string, routePattern: string): void {
  allowedRoutes.add(`${method.toUpperCase()} ${routePattern}`);
}

export function inspectResponse(method: string, routePattern: string, url: string, body: string): void {
  if (allowedRoutes.has(`${method.toUpperCase()} ${routePattern}`)) return;
  for (const finding of findSensitiveNumbers(body)) leaks.push(`${method} ${url}: unmasked ${finding.kind}`);
  let index = 0;
  for (const value of seeded) {
    index += 1;
    if (body.includes(value))
      leaks.push(`${method} ${url}: seeded personal value #${index} returned unmasked`);
  }
}

export function responseLeaks(): readonly string[] {
  return leaks;
}
