import { navigableUrl } from './pay-target';

describe('pay page address', () => {
  it('should follow a provider page over http(s)', () => {
    expect(navigableUrl('http://127.0.0.1:3101/pay/abc')).toBe('http://127.0.0.1:3101/pay/abc');
    expect(navigableUrl('https://openapi.alipay.com/gateway.do?x=1')).toBe(
      'https://openapi.alipay.com/gateway.do?x=1',
    );
  });

  it('should never follow a script or an app scheme', () => {
    expect(navigableUrl('javascript:alert(1)')).toBeNull();
    expect(navigableUrl('weixin://wxpay/bizpayurl?pr=abc')).toBeNull();
    expect(navigableUrl('not a url')).toBeNull();
    expect(navigableUrl(null)).toBeNull();
  });
});
