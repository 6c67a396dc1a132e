import { type APIRequestContext, expect } from '@playwright/test';

interface MailboxEntry {
  to: string;
  subject?: string;
  text: string;
  sentAt?: string;
}

/**
 * The latest one-time code sent to `to`, read from the accounts service's development mailbox (mounted only
 * outside production), waiting for it to arrive. `after`: how many messages `to` had before the one awaited
 * (`messageCount`), so an older code is never taken for the new one.
 */
export function latestCode(request: APIRequestContext, to: string, after = 0): Promise<string> {
  return latestMatch(request, to, /\b(\d{6})\b/, after, `a code sent to ${to}`);
}

/**
 * The first group of `pattern` in the newest message to `to` (a code, an invitation token), waiting for it
 * to arrive; `after` as for latestCode.
 */
export async function latestMatch(
  request: APIRequestContext,
  to: string,
  pattern: RegExp,
  after = 0,
  what = `a message to ${to}`,
): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/accounts/dev/mailbox?to=${encodeURIComponent(to)}`);
        if (!response.ok()) return undefined;
        // The mailbox lists the newest first: the messages after the first `after` are at the front.
        const { messages } = (await response.json()) as { messages: MailboxEntry[] };
        const newest = messages.length > after ? messages[0] : undefined;
        found = newest ? pattern.exec(newest.text)?.[1] : undefined;
        return found;
      },
      { timeout: 15_000, message: what },
    )
    .toBeDefined();
  return found as string;
}

/** How many messages `to` has received so far (to wait for the next one). */
export async function messageCount(request: APIRequestContext, to: string): Promise<number> {
  const response = await request.get(`/api/accounts/dev/mailbox?to=${encodeURIComponent(to)}`);
  if (!response.ok()) return 0;
  return ((await response.json()) as { messages: unknown[] }).messages.length;
}
