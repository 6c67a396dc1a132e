import { haversineKm } from './geo-location';
import { OfflineIpGeolocator } from './ip-geolocator';

describe(OfflineIpGeolocator.name, () => {
  const sut = new OfflineIpGeolocator(false);

  it('should place a Beijing address in Beijing with city coordinates', () => {
    const location = sut.locate('114.247.50.2');
    expect(location).toMatchObject({
      kind: 'public',
      regionKey: '中国/北京/北京市',
      city: '北京市',
      accuracyKm: 50,
    });
  });

  it('should place a Guangzhou address about 1,900 km from Beijing', () => {
    const beijing = sut.locate('114.247.50.2');
    const guangzhou = sut.locate('113.108.182.52');
    expect(guangzhou.regionKey).toBe('中国/广东省/广州市');
    const km = haversineKm(beijing.latitude!, beijing.longitude!, guangzhou.latitude!, guangzhou.longitude!);
    expect(km).toBeGreaterThan(1800);
    expect(km).toBeLessThan(2000);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['192.168.1.1', 'private'],
    ['172.20.0.5', 'private'],
    ['fd12:3456::1', 'private'],
  ])('should mark %s as %s without a region or coordinates', (ip, kind) => {
    expect(sut.locate(ip)).toMatchObject({ kind, regionKey: null, latitude: null });
  });

  it('should treat garbage as unknown', () => {
    expect(sut.locate('not-an-ip')).toMatchObject({ kind: 'unknown', regionKey: null });
  });

  it('should give a foreign address a country region but no coordinates when world data is off', () => {
    expect(sut.locate('8.8.8.8')).toMatchObject({ kind: 'public', country: '美国', latitude: null });
  });

  it('should locate IPv6 addresses', () => {
    expect(sut.locate('240e:47d:c20:1627:30a3:ba0d:a5e6:ec19')).toMatchObject({
      kind: 'public',
      province: '广东省',
    });
  });

  it('should take coordinates abroad from geoip-lite, offline, when world data is on', () => {
    const world = new OfflineIpGeolocator(true);
    const location = world.locate('8.8.8.8');
    expect(location).toMatchObject({ kind: 'public', country: '美国' });
    expect(location.latitude).toEqual(expect.any(Number));
    expect(location.accuracyKm).toBeGreaterThan(0);
  });
});
