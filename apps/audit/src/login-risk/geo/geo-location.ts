/** Where an IP address is, as far as offline data can tell. */
export interface GeoLocation {
  /** public: located; private/loopback: internal networks (no place); unknown: no data. */
  readonly kind: 'public' | 'private' | 'loopback' | 'unknown';
  /** Stable key for "known regions": country/province/city, e.g. `中国/广东省/广州市`; null when not located. */
  readonly regionKey: string | null;
  readonly country: string | null;
  readonly province: string | null;
  readonly city: string | null;
  /** Coordinates for travel speed, only when known to about city level. */
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** Uncertainty of the coordinates, subtracted from distances so coarse data never fakes a fast trip. */
  readonly accuracyKm: number | null;
}

export const UNKNOWN_LOCATION: GeoLocation = {
  kind: 'unknown',
  regionKey: null,
  country: null,
  province: null,
  city: null,
  latitude: null,
  longitude: null,
  accuracyKm: null,
};

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km. */
export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
