import { isIP } from 'node:net';

/** What Fastify's `trustProxy` takes: nothing, a number of hops, or the proxies' addresses and networks. */
export type TrustProxy = false | number | readonly string[];

/** More hops than any real chain of proxies in front of the gateway. */
const MAX_HOPS = 5;

function isAddressOrNetwork(entry: string): boolean {
  const parts = entry.split('/');
  const family = isIP(parts[0] ?? '');
  if (family === 0 || parts.length > 2) return false;
  if (parts.length === 1) return true;
  const prefix = parts[1] ?? '';
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Parses TRUST_PROXY: `false` (the gateway is published directly), a hop count 1-5 (that many proxies in
 * front, each appending to X-Forwarded-For), or comma-separated addresses/CIDRs of the proxies. `true`
 * is refused: it trusts every hop, so any client could name its own address. Undefined when invalid.
 */
export function parseTrustProxy(value: unknown): TrustProxy | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= MAX_HOPS ? hops : undefined;
  }
  const entries = text.split(',').map((e) => e.trim());
  return entries.length > 0 && entries.every(isAddressOrNetwork) ? entries : undefined;
}

export const TRUST_PROXY_MESSAGE =
  'TRUST_PROXY must be false (no proxy in front), the number of proxies in front (1-5), or their comma-separated IPs/CIDRs (e.g. 10.0.0.0/8); "true" would trust a client-made X-Forwarded-For';
