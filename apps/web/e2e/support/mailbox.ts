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
export async function latestCode(request: APIRequestContext, to: string, after = 0): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/accounts/dev/mailbox?to=${encodeURIComponent(to)}`);
        if (!response.ok()) return undefined;
        // The mailbox lists the newest first: the messages after the first `after` are at the front.
        const { messages } = (await response.json()) as { messages: MailboxEntry[] };
        const newest = messages.length > after ? messages[0] : undefined;
        code = newest ? /\b(\d{6})\b/.exec(newest.text)?.[1] : undefined;
        return code;
      },
      { timeout: 15_000, message: `a code sent to ${to}` },
    )
    .toBeDefined();
  return code as string;
}

/** How many messages `to` has received so far (to wait for the next one). */
export async function messageCount(request: APIRequestContext, to: string): Promise<number> {
  const response = await request.get(`/api/accounts/dev/mailbox?to=${encodeURIComponent(to)}`);
  if (!response.ok()) return 0;
  return ((await response.json()) as { messages: unknown[] }).messages.length;
}
