import { createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * Alipay open platform, as published (opendocs.alipay.com, 签名 and 异步通知验签): RSA2 is SHA256withRSA over
 * the parameters sorted by name and joined as `k=v&k=v` (empty values left out). A request signs every
 * parameter but `sign`; an asynchronous notification is verified over every parameter but `sign` and
 * `sign_type`, and is answered with the exact body `success`. node:crypto only.
 */
export const ALIPAY_NOTIFY_ACK = 'success';
export const ALIPAY_NOTIFY_NACK = 'failure';

export type AlipayParams = Readonly<Partial<Record<string, string>>>;

export function signingString(params: AlipayParams, exclude: readonly string[]): string {
  return Object.keys(params)
    .filter((name) => !exclude.includes(name) && params[name] !== undefined && params[name] !== '')
    .sort()
    .map((name) => `${name}=${params[name] ?? ''}`)
    .join('&');
}

export function rsa2Sign(content: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');
}

export function rsa2Verify(content: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

/** The request parameters with `sign` added (sign_type RSA2 is part of what is signed). */
export function signRequest(
  params: Readonly<Record<string, string>>,
  key: KeyObject,
): Record<string, string> {
  return { ...params, sign: rsa2Sign(signingString(params, ['sign']), key) };
}

export function verifyNotification(params: AlipayParams, alipayPublicKey: KeyObject): boolean {
  const signature = params.sign;
  if (!signature || params.sign_type !== 'RSA2') return false;
  return rsa2Verify(signingString(params, ['sign', 'sign_type']), signature, alipayPublicKey);
}

/**
 * A gateway response is `{"<method>_response":{…},"sign":"…"}`, signed over the exact JSON text of the
 * response object. This finds that text without re-serialising (which could reorder or re-escape it).
 */
export function responseNodeText(body: string, nodeName: string): string | undefined {
  const marker = `"${nodeName}":`;
  const start = body.indexOf(marker);
  if (start < 0) return undefined;
  let index = start + marker.length;
  while (body[index] === ' ') index += 1;
  if (body[index] !== '{') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = index; i < body.length; i += 1) {
    const char = body[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return body.slice(index, i + 1);
    }
  }
  return undefined;
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** Alipay's `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8, no daylight saving). */
export function alipayTimestamp(at: Date): string {
  const iso = new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function parseAlipayTimestamp(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return undefined;
  const utc = Date.parse(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(utc) ? undefined : new Date(utc - BEIJING_OFFSET_MS);
}
