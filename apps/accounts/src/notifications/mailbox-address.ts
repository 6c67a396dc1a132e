import { isMainlandMobile, normalizeEmail, normalizeMainlandMobile } from '../users/contact';

const SEPARATORS = /[\s\-().]/g;

/**
 * The one form of a recipient the development mailbox files messages under, whatever way a developer
 * types it: `13800138000`, `+86 138 0013 8000`, `+8613800138000`, `138-0013-8000`, `0086…` all give
 * `+8613800138000`; emails compare case-insensitively. `86…` without the plus is accepted too, because
 * an unencoded `+` in a query string arrives as a space. Anything else is compared as typed (trimmed).
 */
export function mailboxAddressOf(raw: string): string {
  const trimmed = raw.normalize('NFKC').trim();
  if (trimmed.includes('@')) return normalizeEmail(trimmed);
  const compact = trimmed.replace(SEPARATORS, '');
  const phone = /^861[3-9]\d{9}$/.test(compact) ? `+${compact}` : compact;
  return isMainlandMobile(phone) ? normalizeMainlandMobile(phone) : trimmed;
}
