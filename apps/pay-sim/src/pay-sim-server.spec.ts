import { generateKeyPairSync } from 'node:crypto';

import { loadPaySimEnv } from './config/pay-sim.env';
import { buildPaySimServer } from './pay-sim-server';
import { alipayContent, beijingTime, sha256RsaSign, sha256RsaVerify } from './sim-crypto';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: typeof merchant.publicKey): string =>
  key.export({ type: 'spki', format: 'pem' }).toString();

function server() {
  return buildPaySimServer(
    loadPaySimEnv({
      WECHATPAY_MERCHANT_PUBLIC_KEY: pem(merchant.publicKey),
      WECHATPAY_APIV3_KEY: 'abcdefghijklmnopqrstuvwxyz012345',
      ALIPAY_APP_PUBLIC_KEY: pem(app.publicKey),
    }),
  );
}

const ORDER = JSON.stringify({
  appid: 'wxd0000000000exam1',
  mchid: '1900000001',
  description: 'course',
  out_trade_no: 'o1234567890',
  notify_url: 'http://127.0.0.1:1/cb',
  amount: { total: 100, currency: 'CNY' },
});

function authorization(key: typeof merchant.privateKey, body: string, serial = 'DEVMERCHANTSERIAL'): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const message = `POST\n/v3/pay/transactions/native\n${timestamp}\nNONCE1\n${body}\n`;
  return `WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="NONCE1",signature="${sha256RsaSign(message, key)}",timestamp="${timestamp}",serial_no="${serial}"`;
}

describe(buildPaySimServer.name, () => {
  it('should take a WeChat Pay Native order signed by the merchant and sign its answer with the platform key', async () => {
    const { app: sut, ctx } = server();

    const reply = await sut.inject({
      method: 'POST',
      url: '/v3/pay/transactions/native',
      headers: {
        'content-type': 'application/json',
        authorization: authorization(merchant.privateKey, ORDER),
      },
      payload: ORDER,
    });

    expect(reply.statusCode).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      code_url: expect.stringMatching(/\/pay\/[0-9a-f]{32}$/) as string,
    });
    const message = `${String(reply.headers['wechatpay-timestamp'])}\n${String(reply.headers['wechatpay-nonce'])}\n${reply.body}\n`;
    const verified = sha256RsaVerify(
      message,
      String(reply.headers['wechatpay-signature']),
      ctx.keys.wechatPlatform.privateKey,
    );
    expect(verified).toBe(true);
  });

  it.each([
    ['no Authorization', undefined],
    ['another key', authorization(stranger.privateKey, ORDER)],
    ['another serial', authorization(merchant.privateKey, ORDER, 'OTHER')],
    ['a signature over another body', authorization(merchant.privateKey, ORDER.replace('100', '1'))],
  ])('should refuse a WeChat Pay request with %s', async (_label, header) => {
    const { app: sut } = server();

    const reply = await sut.inject({
      method: 'POST',
      url: '/v3/pay/transactions/native',
      headers: {
        'content-type': 'application/json',
        ...(header === undefined ? {} : { authorization: header }),
      },
      payload: ORDER,
    });

    expect(reply.statusCode).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'SIGN_ERROR' });
  });

  it('should answer an Alipay precreate signed with RSA2 and refuse a forged one', async () => {
    const { app: sut, ctx } = server();
    const params: Record<string, string> = {
      app_id: '2021000000000001',
      method: 'alipay.trade.precreate',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: beijingTime(new Date()),
      version: '1.0',
      notify_url: 'http://127.0.0.1:1/cb',
      biz_content: JSON.stringify({ out_trade_no: 'a1234567', total_amount: '12.34', subject: 's' }),
    };
    const send = (key: typeof app.privateKey) =>
      sut.inject({
        method: 'POST',
        url: '/gateway.do',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          ...params,
          sign: sha256RsaSign(alipayContent(params, ['sign']), key),
        }).toString(),
      });

    const good = await send(app.privateKey);
    const forged = await send(stranger.privateKey);

    const body = JSON.parse(good.body) as {
      alipay_trade_precreate_response: Record<string, string>;
      sign: string;
    };
    expect(body.alipay_trade_precreate_response).toMatchObject({ code: '10000', out_trade_no: 'a1234567' });
    const node = /"alipay_trade_precreate_response":(\{[^}]*\})/.exec(good.body)?.[1] ?? '';
    expect(sha256RsaVerify(node, body.sign, ctx.keys.alipay.privateKey)).toBe(true);
    expect(JSON.parse(forged.body)).toMatchObject({
      alipay_trade_precreate_response: { code: '40002', sub_code: 'isv.invalid-signature' },
    });
  });

  it('should refuse unknown or mistyped control settings', async () => {
    const { app: sut } = server();

    const unknown = await sut.inject({ method: 'POST', url: '/sim/control', payload: { explode: true } });
    const mistyped = await sut.inject({
      method: 'POST',
      url: '/sim/control',
      payload: { duplicates: 'two' },
    });

    expect([unknown.statusCode, mistyped.statusCode]).toEqual([400, 400]);
  });
});
