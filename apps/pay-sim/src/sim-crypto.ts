import {
  createCipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * The provider side of both protocols, written apart from the payments service's adapters so each checks the
 * other: WeChat Pay v3 (platform signatures over `timestamp\nnonce\nbody\n`, merchant signatures over
 * `method\nurl\ntimestamp\nnonce\nbody\n`, AEAD_AES_256_GCM resources) and Alipay RSA2.
 */
export function sha256RsaSign(message: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64');
}

export function sha256RsaVerify(message: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** A 32-letter nonce, or one of `length`, as WeChat Pay writes them. */
export function nonce(length = 32): string {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length);
}

export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  originalType: string,
): { algorithm: string; ciphertext: string; associated_data: string; nonce: string; original_type: string } {
  const iv = nonce(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(iv, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: data.toString('base64'),
    associated_data: associatedData,
    nonce: iv,
    original_type: originalType,
  };
}

/** Alipay's signing content: sorted `k=v` joined by `&`, excluded names and empty values left out. */
export function alipayContent(
  params: Readonly<Partial<Record<string, string>>>,
  exclude: readonly string[],
): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&');
}

export interface KeyPairPem {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
}

function pem(text: string): string {
  return text.trim().replaceAll('\\n', '\n');
}

/** The configured private key, or a fresh RSA-2048 pair (test keys generated at start). */
export function privateKeyOrGenerate(text: string): KeyPairPem {
  if (pem(text) !== '') {
    const privateKey = createPrivateKey(pem(text));
    return {
      privateKey,
      publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
    };
  }
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: pair.privateKey,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function publicKeyOrNone(text: string): KeyObject | undefined {
  return pem(text) === '' ? undefined : createPublicKey(pem(text));
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

export function beijingTime(at: Date): string {
  const iso = new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

export function parseBeijingTime(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return undefined;
  const at = Date.parse(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(at) ? undefined : new Date(at - BEIJING_OFFSET_MS);
}

export function beijingRfc3339(at: Date): string {
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function fenToYuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export function yuanToFen(text: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) return undefined;
  const [, whole = '', cents = ''] = match;
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}
