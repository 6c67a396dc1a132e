import { createCipheriv, createPrivateKey, generateKeyPairSync } from 'node:crypto';

import { TestClock } from '@exam/testing';

import { loadPaymentsEnv } from '../config/payments.env';
import { alipayTimestamp, rsa2Sign, signingString } from './alipay/alipay.protocol';
import { AlipayProvider } from './alipay/alipay.provider';
import { responseMessage, rsaSign } from './wechat/wechat-pay.protocol';
import { WechatPayProvider } from './wechat/wechat-pay.provider';

const rsa = (): { publicKey: string; privateKey: string } =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
const merchant = rsa();
const platform = rsa();
const app = rsa();
const alipay = rsa();
const API_V3_KEY = '0123456789abcdefghijklmnopqrstuv';
const clock = new TestClock('2026-12-07T08:00:00.000Z');
const env = loadPaymentsEnv({
  WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privateKey,
  WECHATPAY_PLATFORM_PUBLIC_KEY: platform.publicKey,
  WECHATPAY_APIV3_KEY: API_V3_KEY,
  ALIPAY_APP_PRIVATE_KEY: app.privateKey,
  ALIPAY_PUBLIC_KEY: alipay.publicKey,
});

function wechatCallback(resource: object, eventType = 'TRANSACTION.SUCCESS', key = API_V3_KEY) {
  const nonce = 'abcdefghijkl';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from('transaction', 'utf8'));
  const data = Buffer.concat([
    cipher.update(JSON.stringify(resource), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const body = JSON.stringify({
    id: 'EV-1',
    event_type: eventType,
    resource: {
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: data.toString('base64'),
      associated_data: 'transaction',
      nonce,
    },
  });
  const timestamp = String(clock.now().getTime() / 1000);
  return {
    headers: {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': 'N1',
      'wechatpay-serial': env.WECHATPAY_PLATFORM_SERIAL,
      'wechatpay-signature': rsaSign(
        responseMessage(timestamp, 'N1', body),
        createPrivateKey(platform.privateKey),
      ),
    },
    body,
    form: {},
  };
}

const transaction = {
  mchid: env.WECHATPAY_MCH_ID,
  out_trade_no: 'abc',
  transaction_id: '4200000001',
  trade_state: 'SUCCESS',
  success_time: '2026-12-07T16:00:00+08:00',
  amount: { total: 100, currency: 'CNY' },
  bank_type: 'CMB_DEBIT',
};

describe(WechatPayProvider.name, () => {
  const sut = new WechatPayProvider(env, clock);

  it('should turn a verified TRANSACTION.SUCCESS into a payment notice', () => {
    expect(sut.verifyNotice(wechatCallback(transaction), clock.now())).toEqual({
      ok: true,
      notice: {
        kind: 'payment',
        outTradeNo: 'abc',
        providerTradeNo: '4200000001',
        amountFen: 100,
        currency: 'CNY',
        paidAt: new Date('2026-12-07T08:00:00.000Z'),
        payerChannel: 'CMB_DEBIT',
      },
    });
  });

  it('should keep no more than the last four digits of a card number sent as bank_type', () => {
    const check = sut.verifyNotice(
      wechatCallback({ ...transaction, bank_type: '6222021234567890123' }),
      clock.now(),
    );
    expect(check).toMatchObject({ ok: true, notice: { payerChannel: '****0123' } });
    expect(JSON.stringify(check)).not.toContain('622202123456');
  });

  it('should refuse a resource of another merchant, one sealed with another APIv3 key, and missing fields', () => {
    const outcomes = [
      wechatCallback({ ...transaction, mchid: '1999999999' }),
      wechatCallback(transaction, 'TRANSACTION.SUCCESS', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'),
      wechatCallback({ ...transaction, amount: { total: '100' } }),
    ].map((callback) => sut.verifyNotice(callback, clock.now()));

    expect(outcomes.map((o) => (o.ok ? 'ok' : o.outcome))).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('should refuse a callback whose signature is five minutes and a second old', () => {
    const callback = wechatCallback(transaction);
    const later = new Date(clock.now().getTime() + 301_000);

    expect(sut.verifyNotice(callback, later)).toMatchObject({ ok: false, outcome: 'stale' });
  });

  it('should read refund callbacks', () => {
    const refund = {
      mchid: env.WECHATPAY_MCH_ID,
      out_trade_no: 'abc',
      out_refund_no: 'r1',
      refund_id: '50000001',
      refund_status: 'SUCCESS',
    };

    expect(sut.verifyNotice(wechatCallback(refund, 'REFUND.SUCCESS'), clock.now())).toMatchObject({
      ok: true,
      notice: { kind: 'refund', outRefundNo: 'r1', providerRefundId: '50000001', succeeded: true },
    });
  });
});

describe(AlipayProvider.name, () => {
  const sut = new AlipayProvider(env, clock);

  function notification(over: Record<string, string> = {}, key: string = alipay.privateKey) {
    const params: Record<string, string> = {
      notify_time: alipayTimestamp(clock.now()),
      notify_type: 'trade_status_sync',
      app_id: env.ALIPAY_APP_ID,
      out_trade_no: 'abc',
      trade_no: '2026120722001',
      trade_status: 'TRADE_SUCCESS',
      total_amount: '12.34',
      gmt_payment: alipayTimestamp(clock.now()),
      ...over,
    };
    return {
      headers: {},
      body: '',
      form: {
        ...params,
        sign_type: 'RSA2',
        sign: rsa2Sign(signingString(params, ['sign', 'sign_type']), createPrivateKey(key)),
      },
    };
  }

  it('should turn a verified TRADE_SUCCESS into a payment notice in fen', () => {
    expect(sut.verifyNotice(notification(), clock.now())).toMatchObject({
      ok: true,
      notice: { kind: 'payment', outTradeNo: 'abc', providerTradeNo: '2026120722001', amountFen: 1234 },
    });
  });

  it('should keep the fund channels of fund_bill_list and never a card number in it', () => {
    const check = sut.verifyNotice(
      notification({
        fund_bill_list: '[{"amount":"12.34","fundChannel":"BANKCARD","cardNo":"6222021234567890123"}]',
      }),
      clock.now(),
    );
    expect(check).toMatchObject({ ok: true, notice: { payerChannel: 'BANKCARD' } });
    expect(JSON.stringify(check)).not.toContain('6222021234567890123');
  });

  it('should refuse a forged signature, an old notify_time, another app and a non-yuan amount', () => {
    const outcomes = [
      notification({}, app.privateKey),
      notification({ notify_time: alipayTimestamp(new Date(clock.now().getTime() - 301_000)) }),
      notification({ app_id: '2021999999999999' }),
      notification({ total_amount: '12.345' }),
    ].map((callback) => sut.verifyNotice(callback, clock.now()));

    expect(outcomes.map((o) => (o.ok ? 'ok' : o.outcome))).toEqual([
      'bad_signature',
      'stale',
      'malformed',
      'malformed',
    ]);
  });

  it('should ignore trade states that are not payments', () => {
    expect(sut.verifyNotice(notification({ trade_status: 'WAIT_BUYER_PAY' }), clock.now())).toMatchObject({
      ok: true,
      notice: { kind: 'ignored' },
    });
  });
});
