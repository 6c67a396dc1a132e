import { IpRegionLookup } from './ip-region-lookup';

describe(IpRegionLookup.name, () => {
  const sut = new IpRegionLookup();

  it('should place a public Chinese address in its province and city', () => {
    const result = sut.lookup('114.114.114.114');
    expect(result.addressClass).toBe('public');
    expect(result.region).toMatchObject({ country: '中国', province: '江苏省', city: '南京市' });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['192.168.1.20', 'private'],
    ['::ffff:10.1.2.3', 'private'],
    ['not-an-ip', 'invalid'],
  ] as const)('should classify %s as %s without a region', (ip, addressClass) => {
    expect(sut.lookup(ip)).toMatchObject({ addressClass, region: null });
  });
});
