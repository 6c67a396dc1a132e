import { createDecipheriv, createSign, createVerify, type KeyObject, randomBytes } from 'node:crypto';

/**
 * WeChat Pay API v3, as published (pay.weixin.qq.com/docs/merchant/development/interface-rules): requests are
 * signed with the merchant's RSA key over `method\nurl\ntimestamp\nnonce\nbody\n` (SHA256withRSA, PKCS#1
 * v1.5), sent as `Authorization: WECHATPAY2-SHA256-RSA2048 …`; responses and callbacks are signed by the
 * platform over `timestamp\nnonce\nbody\n`, and a callback's resource is AEAD_AES_256_GCM-encrypted with the
 * merchant's APIv3 key. node:crypto only.
 */
export const WECHATPAY_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

export const WECHATPAY_HEADERS = {
  signature: 'wechatpay-signature',
  timestamp: 'wechatpay-timestamp',
  nonce: 'wechatpay-nonce',
  serial: 'wechatpay-serial',
} as const;

export interface MerchantCredentials {
  readonly mchId: string;
  readonly serialNo: string;
  readonly privateKey: KeyObject;
}

export function requestMessage(
  method: string,
  urlPath: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method}\n${urlPath}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export function rsaSign(message: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64');
}

export function rsaVerify(message: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

/** A 32-character nonce of letters and digits, as the SDKs make them. */
export function nonceString(): string {
  return randomBytes(24).toString('base64url').replace(/[-_]/g, 'x').slice(0, 32);
}

/** The Authorization header of one request; `urlPath` includes the query string, `body` is '' for GET. */
export function authorizationHeader(
  merchant: MerchantCredentials,
  method: string,
  urlPath: string,
  body: string,
  timestamp: string,
  nonce: string,
): string {
  const signature = rsaSign(requestMessage(method, urlPath, timestamp, nonce, body), merchant.privateKey);
  return `${WECHATPAY_SCHEMA} mchid="${merchant.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${merchant.serialNo}"`;
}

export interface SignedMessageHeaders {
  readonly signature: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly serial: string;
}

export type SignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing_headers' | 'unknown_serial' | 'stale' | 'bad_signature' };

/**
 * Checks a platform-signed response or callback: the serial names the platform key we hold, the timestamp is
 * within `toleranceSeconds` of `now` (a replay is refused), and the signature covers exactly these bytes.
 */
export function verifyPlatformSignature(
  headers: Partial<SignedMessageHeaders>,
  body: string,
  platform: { readonly serial: string; readonly publicKey: KeyObject },
  now: Date,
  toleranceSeconds: number,
): SignatureCheck {
  const { signature, timestamp, nonce, serial } = headers;
  if (!signature || !timestamp || !nonce || !serial) return { ok: false, reason: 'missing_headers' };
  if (serial !== platform.serial) return { ok: false, reason: 'unknown_serial' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds)
    return { ok: false, reason: 'stale' };
  if (!rsaVerify(responseMessage(timestamp, nonce, body), signature, platform.publicKey))
    return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

export interface EncryptedResource {
  readonly algorithm: string;
  readonly ciphertext: string;
  readonly associated_data?: string;
  readonly nonce: string;
  readonly original_type?: string;
}

/**
 * Decrypts a callback resource: AES-256-GCM with the APIv3 key (32 ASCII bytes), the 12-character nonce as
 * IV, `associated_data` as AAD, and the 16-byte tag at the end of the base64 ciphertext. Undefined when the
 * key, the tag or the data do not match.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string | undefined {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') return undefined;
  const key = Buffer.from(apiV3Key, 'utf8');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (key.length !== 32 || data.length <= 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
