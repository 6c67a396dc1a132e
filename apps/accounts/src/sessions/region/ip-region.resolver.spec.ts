import { Ip2RegionResolver } from './ip-region.resolver';

describe(Ip2RegionResolver.name, () => {
  const sut = new Ip2RegionResolver();

  it('should resolve a public Chinese IP to its province and city', () => {
    expect(sut.regionOf('114.114.114.114')).toBe('江苏省 南京市');
  });

  it('should resolve an IPv4-mapped IPv6 address like the IPv4 one', () => {
    expect(sut.regionOf('::ffff:114.114.114.114')).toBe('江苏省 南京市');
  });

  it('should name the country of an address abroad', () => {
    expect(sut.regionOf('8.8.8.8')).toBe('美国');
  });

  it.each(['127.0.0.1', '::1', '10.1.2.3', '192.168.1.20', '172.16.5.4'])(
    'should answer null for the private or loopback %s',
    (ip) => {
      expect(sut.regionOf(ip)).toBeNull();
    },
  );

  it('should answer null for reserved documentation addresses and for garbage, without throwing', () => {
    expect(sut.regionOf('203.0.113.77')).toBeNull();
    expect(sut.regionOf('not an ip')).toBeNull();
    expect(sut.regionOf('')).toBeNull();
  });
});
