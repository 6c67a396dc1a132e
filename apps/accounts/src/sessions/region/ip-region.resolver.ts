import { IpRegionLookup } from '@exam/platform';

export const IP_REGION_RESOLVER = Symbol('IP_REGION_RESOLVER');

/** Outside data behind an adapter: the region (province and city) an IP belongs to, for the session list. */
export interface IpRegionResolver {
  /** e.g. "江苏省 南京市", a country abroad ("美国"); null for private, loopback, reserved or unknown addresses. */
  regionOf(ip: string): string | null;
}

/** Session-list wording over the shared offline lookup: a region is a convenience and never fails a sign-in. */
export class Ip2RegionResolver implements IpRegionResolver {
  private readonly lookup = new IpRegionLookup();

  regionOf(ip: string): string | null {
    const { region } = this.lookup.lookup(ip);
    if (region === null) return null;
    const parts =
      region.country === '中国' ? [region.province, region.city] : [region.country, region.province];
    const label = [...new Set(parts.filter((p): p is string => p !== null))].join(' ');
    return label === '' ? region.country : label.slice(0, 64);
  }
}
