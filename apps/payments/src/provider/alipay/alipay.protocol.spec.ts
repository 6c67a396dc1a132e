import { generateKeyPairSync } from 'node:crypto';

import {
  alipayTimestamp,
  parseAlipayTimestamp,
  responseNodeText,
  rsa2Sign,
  rsa2Verify,
  signingString,
  signRequest,
  verifyNotification,
} from './alipay.protocol';

const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe(signingString.name, () => {
  it('should sort by name, join k=v with &, and leave out excluded and empty values', () => {
    const sut = signingString({ sign: 'x', b: '2', a: '1', c: '', sign_type: 'RSA2' }, ['sign']);

    expect(sut).toBe('a=1&b=2&sign_type=RSA2');
  });
});

describe(signRequest.name, () => {
  it('should sign every parameter but sign, verifiable with the app public key', () => {
    const params = {
      app_id: '2021000000',
      method: 'alipay.trade.precreate',
      sign_type: 'RSA2',
      biz_content: '{"a":1}',
    };

    const sut = signRequest(params, app.privateKey);

    expect(rsa2Verify(signingString(sut, ['sign']), sut.sign, app.publicKey)).toBe(true);
    expect(
      rsa2Verify(signingString({ ...sut, biz_content: '{"a":2}' }, ['sign']), sut.sign, app.publicKey),
    ).toBe(false);
  });
});

describe(verifyNotification.name, () => {
  const notification = {
    notify_time: '2026-12-07 16:00:00',
    notify_type: 'trade_status_sync',
    out_trade_no: 'o1',
    trade_no: '2026120722001',
    trade_status: 'TRADE_SUCCESS',
    total_amount: '12.34',
  };
  const signed = {
    ...notification,
    sign_type: 'RSA2',
    sign: rsa2Sign(signingString(notification, ['sign', 'sign_type']), alipay.privateKey),
  };

  it('should accept Alipay’s signature over the sorted parameters without sign and sign_type', () => {
    expect(verifyNotification(signed, alipay.publicKey)).toBe(true);
  });

  it('should refuse a tampered amount, another key, and a sign_type other than RSA2', () => {
    expect(verifyNotification({ ...signed, total_amount: '0.01' }, alipay.publicKey)).toBe(false);
    expect(verifyNotification(signed, app.publicKey)).toBe(false);
    expect(verifyNotification({ ...signed, sign_type: 'RSA' }, alipay.publicKey)).toBe(false);
    expect(verifyNotification({ ...signed, sign: 'garbage' }, alipay.publicKey)).toBe(false);
  });
});

describe(responseNodeText.name, () => {
  it('should return the exact text of the response object, braces and escapes in strings included', () => {
    const node = '{"code":"10000","msg":"Success","qr_code":"https://x/{a}?q=\\"b\\""}';
    const body = `{"alipay_trade_precreate_response":${node},"sign":"abc"}`;

    expect(responseNodeText(body, 'alipay_trade_precreate_response')).toBe(node);
    expect(responseNodeText(body, 'alipay_trade_refund_response')).toBeUndefined();
  });
});

describe('Alipay timestamps', () => {
  it('should write and read Beijing time', () => {
    const at = new Date('2026-12-07T08:00:00.000Z');

    expect(alipayTimestamp(at)).toBe('2026-12-07 16:00:00');
    expect(parseAlipayTimestamp('2026-12-07 16:00:00')).toEqual(at);
    expect(parseAlipayTimestamp('2026-12-07T16:00:00')).toBeUndefined();
  });
});
