import { generateKeyPairSync } from 'node:crypto';

import { ConfigValidationError } from '@exam/platform';

import { loadPaymentsEnv } from './payments.env';

describe(loadPaymentsEnv.name, () => {
  it('should take PEM keys with \\n escapes, as one-line env files hold them', () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const oneLine = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString().replaceAll('\n', '\\n');

    const sut = loadPaymentsEnv({ ALIPAY_PUBLIC_KEY: oneLine });

    expect(sut.ALIPAY_PUBLIC_KEY).toBe(oneLine);
  });

  it('should list every unreadable key and a wrong-length APIv3 key at once', () => {
    const load = (): unknown =>
      loadPaymentsEnv({
        WECHATPAY_MERCHANT_PRIVATE_KEY: 'REPLACE_ME',
        ALIPAY_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----',
        WECHATPAY_APIV3_KEY: 'short',
      });

    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(/WECHATPAY_MERCHANT_PRIVATE_KEY[\s\S]*ALIPAY_PUBLIC_KEY[\s\S]*WECHATPAY_APIV3_KEY/);
  });
});
