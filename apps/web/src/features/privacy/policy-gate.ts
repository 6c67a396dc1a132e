/**
 * Where a person who has not yet accepted a materially changed privacy policy may still go: the privacy
 * centre and the policy texts. Someone who does not agree must be able to withdraw consent, take a copy of
 * their data and cancel the account (ADR 0015); every other page waits for the acceptance.
 */
const OPEN_WHILE_PENDING = ['/privacy'];

/** Whether the acceptance page replaces the page at `pathname` for this session. */
export function mustAcceptPolicy(pendingVersion: string | null | undefined, pathname: string): boolean {
  if (!pendingVersion) return false;
  return !OPEN_WHILE_PENDING.some((open) => pathname === open || pathname.startsWith(`${open}/`));
}
