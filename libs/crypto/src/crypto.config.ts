import { AES_KEY_BYTES } from './aes-gcm';
import { CryptoError } from './crypto.errors';
import {
  DEVELOPMENT_BLIND_INDEX_KEY_ID,
  DEVELOPMENT_DATA_KEY_ID,
  developmentBlindIndexKey,
  developmentKek,
  developmentWrappedDataKey,
  isDevelopmentKey,
} from './development-keys';
import { isValidKeyId } from './key-id';

export const CRYPTO_ENV = {
  kek: 'FIELD_KEK',
  dataKeys: 'FIELD_DATA_KEYS',
  activeDataKeyId: 'FIELD_ACTIVE_KEY_ID',
  blindIndexKeys: 'BLIND_INDEX_KEYS',
  activeBlindIndexKeyId: 'BLIND_INDEX_ACTIVE_KEY_ID',
} as const;

export type CryptoEnv = Readonly<Record<string, string | undefined>>;

export interface CryptoConfig {
  readonly production: boolean;
  readonly source: 'environment' | 'development-defaults';
  /** Absent when an external KeyEncryptionProvider (KMS, Vault) holds the KEK. */
  readonly kek: Buffer | undefined;
  /** Key id → data key wrapped by the KEK. */
  readonly dataKeys: ReadonlyMap<string, string>;
  readonly activeDataKeyId: string;
  /** Key id → raw HMAC key; never stored in the database, never equal to a data key. */
  readonly blindIndexKeys: ReadonlyMap<string, Buffer>;
  readonly activeBlindIndexKeyId: string;
}

export interface CryptoConfigOptions {
  /** Set when a KMS/Vault provider wraps the data keys, so FIELD_KEK is neither needed nor read. */
  readonly externalKek?: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PLACEHOLDER = /change[-_ ]?me|placeholder|example|your[-_ ]?key|dummy|insecure|not[-_ ]?secret/i;
/** 32 random bytes have ~31 distinct values; fewer than 16 means a pattern someone typed, not a key. */
const MIN_DISTINCT_BYTES = 16;

class Problems {
  readonly list: string[] = [];
  add(variable: string, reason: string): void {
    this.list.push(`${variable} ${reason}`);
  }
}

function looksLikePlaceholder(raw: string, key: Buffer | undefined): boolean {
  if (PLACEHOLDER.test(raw)) return true;
  if (key === undefined) return false;
  return new Set(key).size < MIN_DISTINCT_BYTES || isDevelopmentKey(key);
}

function decodeKey(
  raw: string,
  variable: string,
  production: boolean,
  problems: Problems,
): Buffer | undefined {
  const trimmed = raw.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  if (key?.length !== AES_KEY_BYTES) {
    problems.add(variable, `must be base64 of exactly ${AES_KEY_BYTES} bytes`);
    return undefined;
  }
  if (production && looksLikePlaceholder(trimmed, key)) {
    problems.add(variable, 'looks like a placeholder or development key');
    return undefined;
  }
  return key;
}

function parseJsonRecord(
  raw: string,
  variable: string,
  problems: Problems,
): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.add(variable, 'must be a JSON object of key id to base64 string');
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.add(variable, 'must be a JSON object of key id to base64 string');
    return undefined;
  }
  const result: Record<string, string> = {};
  for (const [keyId, value] of Object.entries(parsed)) {
    if (!isValidKeyId(keyId))
      problems.add(variable, `has an invalid key id (must match [A-Za-z0-9_-]{1,32})`);
    else if (typeof value !== 'string') problems.add(variable, `entry "${keyId}" must be a string`);
    else result[keyId] = value;
  }
  if (Object.keys(result).length === 0) problems.add(variable, 'must hold at least one key');
  return result;
}

function developmentDefaults(externalKek: boolean): CryptoConfig {
  return {
    production: false,
    source: 'development-defaults',
    kek: externalKek ? undefined : developmentKek(),
    dataKeys: new Map([[DEVELOPMENT_DATA_KEY_ID, developmentWrappedDataKey()]]),
    activeDataKeyId: DEVELOPMENT_DATA_KEY_ID,
    blindIndexKeys: new Map([[DEVELOPMENT_BLIND_INDEX_KEY_ID, developmentBlindIndexKey()]]),
    activeBlindIndexKeyId: DEVELOPMENT_BLIND_INDEX_KEY_ID,
  };
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim().length > 0;
}

/**
 * Parses key configuration from a plain record (the caller passes the environment or a test record).
 * Outside production, a completely unset configuration falls back to fixed development keys; a partial one
 * is an error either way, and production refuses missing values, placeholders and the development keys.
 */
export function parseCryptoConfig(env: CryptoEnv, options: CryptoConfigOptions = {}): CryptoConfig {
  const production = env.NODE_ENV === 'production';
  const externalKek = options.externalKek ?? false;
  const variables = Object.values(CRYPTO_ENV).filter((name) => !(externalKek && name === CRYPTO_ENV.kek));
  if (!production && variables.every((name) => !present(env[name]))) return developmentDefaults(externalKek);

  const problems = new Problems();
  for (const name of variables) if (!present(env[name])) problems.add(name, 'is required');

  const rawKek = env[CRYPTO_ENV.kek];
  const kek =
    !externalKek && present(rawKek) ? decodeKey(rawKek, CRYPTO_ENV.kek, production, problems) : undefined;

  const dataKeys = new Map<string, string>();
  const rawDataKeys = env[CRYPTO_ENV.dataKeys];
  if (present(rawDataKeys)) {
    for (const [keyId, wrapped] of Object.entries(
      parseJsonRecord(rawDataKeys, CRYPTO_ENV.dataKeys, problems) ?? {},
    )) {
      if (production && PLACEHOLDER.test(wrapped))
        problems.add(CRYPTO_ENV.dataKeys, `entry "${keyId}" is a placeholder`);
      dataKeys.set(keyId, wrapped.trim());
    }
  }

  const blindIndexKeys = new Map<string, Buffer>();
  const rawIndexKeys = env[CRYPTO_ENV.blindIndexKeys];
  if (present(rawIndexKeys)) {
    const entries = parseJsonRecord(rawIndexKeys, CRYPTO_ENV.blindIndexKeys, problems) ?? {};
    for (const [keyId, encoded] of Object.entries(entries)) {
      const key = decodeKey(encoded, `${CRYPTO_ENV.blindIndexKeys}["${keyId}"]`, production, problems);
      if (key !== undefined) blindIndexKeys.set(keyId, key);
    }
  }

  const activeDataKeyId = env[CRYPTO_ENV.activeDataKeyId]?.trim() ?? '';
  if (activeDataKeyId !== '' && dataKeys.size > 0 && !dataKeys.has(activeDataKeyId)) {
    problems.add(
      CRYPTO_ENV.activeDataKeyId,
      `names "${activeDataKeyId}", which is not in ${CRYPTO_ENV.dataKeys}`,
    );
  }
  const activeBlindIndexKeyId = env[CRYPTO_ENV.activeBlindIndexKeyId]?.trim() ?? '';
  if (activeBlindIndexKeyId !== '' && blindIndexKeys.size > 0 && !blindIndexKeys.has(activeBlindIndexKeyId)) {
    problems.add(
      CRYPTO_ENV.activeBlindIndexKeyId,
      `names "${activeBlindIndexKeyId}", which is not in ${CRYPTO_ENV.blindIndexKeys}`,
    );
  }
  if (kek !== undefined && [...blindIndexKeys.values()].some((key) => key.equals(kek))) {
    problems.add(CRYPTO_ENV.blindIndexKeys, `must not reuse ${CRYPTO_ENV.kek}`);
  }

  if (problems.list.length > 0) {
    throw new CryptoError('CRYPTO.CONFIG_INVALID', `invalid key configuration: ${problems.list.join('; ')}`);
  }
  return {
    production,
    source: 'environment',
    kek,
    dataKeys,
    activeDataKeyId,
    blindIndexKeys,
    activeBlindIndexKeyId,
  };
}
