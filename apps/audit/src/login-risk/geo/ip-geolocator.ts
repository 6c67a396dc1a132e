import { IpRegionLookup } from '@exam/platform';

import { CITY_ACCURACY_KM, CITY_COORDINATES, PROVINCE_ACCURACY_KM, PROVINCE_CAPITALS } from './china-places';
import { type GeoLocation, UNKNOWN_LOCATION } from './geo-location';

export const IP_GEOLOCATOR = Symbol('IP_GEOLOCATOR');

/** Outside system behind an adapter: where is this IP? Tests may substitute it; production uses offline data. */
export interface IpGeolocator {
  locate(ip: string): GeoLocation;
}

interface GeoipLiteResult {
  readonly country: string;
  readonly city: string;
  readonly ll: readonly [number, number];
  readonly area: number;
}
interface GeoipLite {
  lookup(ip: string): GeoipLiteResult | null;
}

function place(kind: GeoLocation['kind']): GeoLocation {
  return { ...UNKNOWN_LOCATION, kind };
}

/**
 * Offline geolocation from data shipped inside npm packages (nothing is downloaded at run time):
 * ip2region for country/province/city (accurate for China, used for 异地 detection), coordinates
 * from a built-in table of Chinese city centroids, and geoip-lite for coordinates abroad. geoip-lite
 * costs ~200 MB of memory, so it loads only when a foreign address first shows up (and not at all
 * when `worldCoordinates` is off). geoip-lite's Chinese data is mostly a country centroid, which is
 * why it is not used inside China.
 */
export class OfflineIpGeolocator implements IpGeolocator {
  private readonly regions = new IpRegionLookup();
  private world: GeoipLite | null | undefined;

  constructor(private readonly worldCoordinates: boolean) {}

  locate(ip: string): GeoLocation {
    const { address, addressClass, region } = this.regions.lookup(ip);
    switch (addressClass) {
      case 'invalid':
        return UNKNOWN_LOCATION;
      case 'loopback':
      case 'private':
        return place(addressClass);
      case 'public':
        break;
    }
    if (region === null) return UNKNOWN_LOCATION;
    const { country, province, city } = region;
    const regionKey = [country, province, city].filter((p): p is string => p !== null).join('/');
    const coordinates =
      country === '中国' ? this.chinaCoordinates(province, city) : this.worldCoordinatesOf(address);
    return {
      kind: 'public',
      regionKey,
      country,
      province,
      city,
      latitude: coordinates?.latitude ?? null,
      longitude: coordinates?.longitude ?? null,
      accuracyKm: coordinates?.accuracyKm ?? null,
    };
  }

  private chinaCoordinates(
    province: string | null,
    city: string | null,
  ): { latitude: number; longitude: number; accuracyKm: number } | null {
    const cityLl = city === null ? undefined : CITY_COORDINATES[city];
    if (cityLl) return { latitude: cityLl[0], longitude: cityLl[1], accuracyKm: CITY_ACCURACY_KM };
    const capital = province === null ? undefined : PROVINCE_CAPITALS[province];
    const capitalLl = capital === undefined ? undefined : CITY_COORDINATES[capital];
    if (capitalLl)
      return { latitude: capitalLl[0], longitude: capitalLl[1], accuracyKm: PROVINCE_ACCURACY_KM };
    return null;
  }

  private worldCoordinatesOf(
    address: string,
  ): { latitude: number; longitude: number; accuracyKm: number } | null {
    if (!this.worldCoordinates) return null;
    if (this.world === undefined) {
      try {
        // Loaded on first use only: see the class comment for the memory cost.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        this.world = require('geoip-lite') as GeoipLite;
      } catch {
        this.world = null;
      }
    }
    const hit = this.world?.lookup(address);
    if (!hit) return null;
    return { latitude: hit.ll[0], longitude: hit.ll[1], accuracyKm: Math.max(hit.area, 10) };
  }
}
