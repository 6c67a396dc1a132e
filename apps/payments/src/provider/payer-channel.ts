/**
 * The card data rule: payments never stores a card number. What a provider says about how the buyer paid
 * (WeChat Pay `bank_type`, e.g. `CMB_DEBIT` or `OTHERS`; Alipay `fund_bill_list[].fundChannel`, e.g.
 * `ALIPAYACCOUNT`, `BANKCARD`) is reduced to a channel code: capital letters, digits and `_`, at most 32.
 * Should anything like a card number (12 or more digits, blanks and dashes allowed between them) ever appear,
 * only `****` and its last four digits survive.
 */
const CARD_LIKE = /\d(?:[ -]?\d){11,}/g;
const MAX_CHANNEL = 32;

/** Replaces every card-number-like run of digits with `****` + its last four digits. */
export function redactCardNumbers(text: string): string {
  return text.replace(CARD_LIKE, (run) => `****${run.replace(/[^0-9]/g, '').slice(-4)}`);
}

/** A safe channel code from whatever the provider sent, or null when nothing usable is left. */
export function payerChannelOf(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const code = redactCardNumbers(raw.trim())
    .toUpperCase()
    .replace(/[^A-Z0-9_*]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_CHANNEL);
  return code === '' ? null : code;
}

/** Alipay's `fund_bill_list` (a JSON array of `{ amount, fundChannel }`): the channels, joined with `+`. */
export function alipayFundChannels(fundBillList: string | undefined): string | null {
  if (fundBillList === undefined || fundBillList === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fundBillList);
  } catch {
    return payerChannelOf(fundBillList.slice(0, 64));
  }
  if (!Array.isArray(parsed)) return null;
  const channels = parsed
    .map((bill: unknown) =>
      typeof bill === 'object' && bill !== null
        ? payerChannelOf((bill as { fundChannel?: unknown }).fundChannel)
        : null,
    )
    .filter((channel): channel is string => channel !== null);
  return channels.length === 0 ? null : channels.join('+').slice(0, MAX_CHANNEL);
}
