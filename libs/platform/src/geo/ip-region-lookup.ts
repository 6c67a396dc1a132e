import { BlockList, isIP } from 'node:net';

import IP2Region from 'ip2region';

export type AddressClass = 'invalid' | 'loopback' | 'private' | 'public';

export interface IpRegion {
  readonly country: string;
  readonly province: string | null;
  readonly city: string | null;
}

export interface IpRegionResult {
  /** The address as looked up (IPv4-mapped IPv6 unwrapped). */
  readonly address: string;
  readonly addressClass: AddressClass;
  /** Only for public addresses the offline data knows. */
  readonly region: IpRegion | null;
}

function blockList(entries: readonly (readonly [string, number, 'ipv4' | 'ipv6'])[]): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of entries) list.addSubnet(network, prefix, family);
  return list;
}

const LOOPBACK = blockList([
  ['127.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
]);
const PRIVATE = blockList([
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['0.0.0.0', 8, 'ipv4'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
]);

/** ip2region fills unknown parts with '', '0' or labels such as 内网IP / 本机地址 (also for reserved ranges). */
function clean(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed === '0' || trimmed.includes('内网') || trimmed.includes('本机')
    ? null
    : trimmed;
}

/**
 * Offline IP → country/province/city from the ip2region data shipped inside the npm package (nothing
 * is fetched at run time; the IPv4 file is loaded once per instance). Never throws: a location is
 * evidence or a convenience, never a reason to fail a request. Shared by accounts (session region) and
 * audit (异地 detection).
 */
export class IpRegionLookup {
  private readonly regions = new IP2Region();

  lookup(ip: string): IpRegionResult {
    const address = ip.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
    const family = isIP(address);
    if (family === 0) return { address, addressClass: 'invalid', region: null };
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (LOOPBACK.check(address, type)) return { address, addressClass: 'loopback', region: null };
    if (PRIVATE.check(address, type)) return { address, addressClass: 'private', region: null };
    let found: { country: string; province: string; city: string } | null;
    try {
      found = this.regions.search(address);
    } catch {
      found = null;
    }
    const country = clean(found?.country);
    if (!found || country === null) return { address, addressClass: 'public', region: null };
    return {
      address,
      addressClass: 'public',
      region: { country, province: clean(found.province), city: clean(found.city) },
    };
  }
}
