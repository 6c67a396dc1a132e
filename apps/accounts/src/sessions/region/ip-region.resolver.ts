import IP2Region from 'ip2region';
import { BlockList, isIP } from 'node:net';

export const IP_REGION_RESOLVER = Symbol('IP_REGION_RESOLVER');

/** Outside data behind an adapter: the region (province and city) an IP belongs to, for the session list. */
export interface IpRegionResolver {
  /** e.g. "江苏省 南京市", a country abroad ("美国"); null for private, loopback, reserved or unknown addresses. */
  regionOf(ip: string): string | null;
}

const NOT_ROUTED = new BlockList();
for (const [network, prefix, family] of [
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['0.0.0.0', 8, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
] as const) {
  NOT_ROUTED.addSubnet(network, prefix, family);
}

/** ip2region fills unknown parts with '', '0' or a label such as 内网IP (also for reserved ranges); none is a place. */
function place(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed === '0' || trimmed.includes('内网') || trimmed.includes('本机') ? null : trimmed;
}

/**
 * Offline lookup in the ip2region database shipped inside the npm package (nothing is fetched at run time; the
 * ~8 MB IPv4 file is loaded once). Never throws: a region is a convenience, it must not fail a sign-in.
 */
export class Ip2RegionResolver implements IpRegionResolver {
  private readonly regions = new IP2Region();

  regionOf(ip: string): string | null {
    const address = ip.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
    const family = isIP(address);
    if (family === 0 || NOT_ROUTED.check(address, family === 4 ? 'ipv4' : 'ipv6')) return null;
    let found: { country: string; province: string; city: string } | null;
    try {
      found = this.regions.search(address);
    } catch {
      return null;
    }
    if (found === null) return null;
    const country = place(found.country);
    if (country === null) return null;
    const parts = country === '中国' ? [place(found.province), place(found.city)] : [country, place(found.province)];
    const label = [...new Set(parts.filter((p): p is string => p !== null))].join(' ');
    return label === '' ? country : label.slice(0, 64);
  }
}
