import { createCipheriv, generateKeyPairSync } from 'node:crypto';

import {
  authorizationHeader,
  decryptResource,
  type EncryptedResource,
  requestMessage,
  responseMessage,
  rsaSign,
  rsaVerify,
  verifyPlatformSignature,
} from './wechat-pay.protocol';

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
const API_V3_KEY = 'abcdefghijklmnopqrstuvwxyz012345';
const NOW = new Date('2026-12-07T08:00:00.000Z');
const TS = String(NOW.getTime() / 1000);

function encrypt(plaintext: string, key: string, nonce: string, aad: string): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: data.toString('base64'),
    associated_data: aad,
    nonce,
    original_type: 'transaction',
  };
}

function signedHeaders(body: string, timestamp = TS, nonce = 'n0nce123456789012345', serial = 'PLAT-1') {
  return {
    signature: rsaSign(responseMessage(timestamp, nonce, body), platform.privateKey),
    timestamp,
    nonce,
    serial,
  };
}

describe('WeChat Pay v3 request signature', () => {
  it('should sign method, path with query, timestamp, nonce and body, verifiable with the merchant public key', () => {
    const body = '{"mchid":"1900000001","amount":{"total":100,"currency":"CNY"}}';
    const sut = authorizationHeader(
      { mchId: '1900000001', serialNo: 'MERCH-1', privateKey: merchant.privateKey },
      'POST',
      '/v3/pay/transactions/native',
      body,
      TS,
      'NONCE42',
    );

    const signature = /signature="([^"]+)"/.exec(sut)?.[1] ?? '';
    expect(sut).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900000001",nonce_str="NONCE42",signature="[^"]+",timestamp="\d+",serial_no="MERCH-1"$/,
    );
    const message = requestMessage('POST', '/v3/pay/transactions/native', TS, 'NONCE42', body);
    expect(message).toBe(`POST\n/v3/pay/transactions/native\n${TS}\nNONCE42\n${body}\n`);
    expect(rsaVerify(message, signature, merchant.publicKey)).toBe(true);
    expect(rsaVerify(message.replace('100', '1'), signature, merchant.publicKey)).toBe(false);
    expect(rsaVerify(message, signature, platform.publicKey)).toBe(false);
  });
});

describe(verifyPlatformSignature.name, () => {
  const body = '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"}';
  const key = { serial: 'PLAT-1', publicKey: platform.publicKey };

  it('should accept the platform signature over timestamp, nonce and body', () => {
    expect(verifyPlatformSignature(signedHeaders(body), body, key, NOW, 300)).toEqual({ ok: true });
  });

  it('should refuse a tampered body', () => {
    const sut = verifyPlatformSignature(signedHeaders(body), body.replace('EV-1', 'EV-2'), key, NOW, 300);

    expect(sut).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('should refuse a signature moved to another timestamp', () => {
    const headers = { ...signedHeaders(body), timestamp: String(Number(TS) - 10) };

    expect(verifyPlatformSignature(headers, body, key, NOW, 300)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('should refuse a timestamp older than the tolerance, even correctly signed', () => {
    const old = String(Number(TS) - 301);

    expect(verifyPlatformSignature(signedHeaders(body, old), body, key, NOW, 300)).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('should refuse an unknown serial and missing headers', () => {
    expect(verifyPlatformSignature(signedHeaders(body, TS, 'n', 'OTHER'), body, key, NOW, 300)).toEqual({
      ok: false,
      reason: 'unknown_serial',
    });
    expect(verifyPlatformSignature({ timestamp: TS }, body, key, NOW, 300)).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
  });

  it('should refuse a signature made with another key', () => {
    const forged = {
      ...signedHeaders(body),
      signature: rsaSign(responseMessage(TS, 'n0nce123456789012345', body), merchant.privateKey),
    };

    expect(verifyPlatformSignature(forged, body, key, NOW, 300)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});

describe(decryptResource.name, () => {
  const plaintext = '{"out_trade_no":"o1","transaction_id":"4200001","amount":{"total":100}}';

  it('should decrypt AEAD_AES_256_GCM with the APIv3 key', () => {
    expect(decryptResource(encrypt(plaintext, API_V3_KEY, 'abcdefghijkl', 'transaction'), API_V3_KEY)).toBe(
      plaintext,
    );
  });

  it('should refuse the wrong key, altered ciphertext, altered associated data and other algorithms', () => {
    const resource = encrypt(plaintext, API_V3_KEY, 'abcdefghijkl', 'transaction');
    const data = Buffer.from(resource.ciphertext, 'base64');
    data.writeUInt8(data.readUInt8(0) ^ 1, 0);

    expect(decryptResource(resource, 'zbcdefghijklmnopqrstuvwxyz012345')).toBeUndefined();
    expect(decryptResource({ ...resource, ciphertext: data.toString('base64') }, API_V3_KEY)).toBeUndefined();
    expect(decryptResource({ ...resource, associated_data: 'refund' }, API_V3_KEY)).toBeUndefined();
    expect(decryptResource({ ...resource, algorithm: 'AES_CBC' }, API_V3_KEY)).toBeUndefined();
    expect(decryptResource({ ...resource, ciphertext: 'AAAA' }, API_V3_KEY)).toBeUndefined();
  });
});
