import { createSecretKey, randomBytes } from 'node:crypto';

import { AES_KEY_BYTES } from './aes-gcm';
import { CRYPTO_ENV, CryptoEnv, parseCryptoConfig } from './crypto.config';
import { CryptoError } from './crypto.errors';
import { FIRST_BLIND_INDEX_KEY_ID } from './development-keys';
import { unwrapDataKeyLocally, wrapDataKeyLocally } from './local-key-encryption-provider';

export type GenerateKeysMode = 'fresh' | 'add-data-key' | 'add-blind-index-key' | 'rotate-kek';

export interface GenerateKeysOptions {
  readonly mode?: GenerateKeysMode;
  /** The current configuration; required by the `add-*` modes, which keep every existing key. */
  readonly existing?: CryptoEnv;
  readonly now?: Date;
}

/** The next blind-index generation after the configured ones: bi1 → bi2 (index columns name their generation). */
export function nextBlindIndexKeyId(existing: Iterable<string>): string {
  let highest = 0;
  for (const id of existing) {
    const match = /^bi(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `bi${highest + 1}`;
}

/** Date-stamped so operators can tell key ages apart; the random suffix keeps same-day ids distinct. */
export function newKeyId(prefix: 'dk' | 'bi', now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}${day}${randomBytes(2).toString('hex')}`;
}

function freshKey(): Buffer {
  return randomBytes(AES_KEY_BYTES);
}

function requireExisting(options: GenerateKeysOptions): CryptoEnv {
  if (options.existing === undefined) {
    throw new CryptoError('CRYPTO.CONFIG_INVALID', 'adding a key needs the current key configuration');
  }
  // Validates the current set exactly as the services will (production rules included, when NODE_ENV says so).
  const config = parseCryptoConfig(options.existing);
  if (config.source !== 'environment') {
    throw new CryptoError('CRYPTO.CONFIG_INVALID', 'adding a key needs the current key configuration');
  }
  return options.existing;
}

/**
 * Returns the environment entries to set. `add-data-key` makes the new key active at once (old keys stay for
 * reads until rotation finishes); `add-blind-index-key` only adds the key, because the index switch happens
 * after the new index column is backfilled; `rotate-kek` re-wraps every data key under a fresh KEK, which
 * changes no stored value.
 */
export function generateKeys(options: GenerateKeysOptions = {}): Record<string, string> {
  const now = options.now ?? new Date();
  switch (options.mode ?? 'fresh') {
    case 'fresh': {
      const kek = freshKey();
      const dataKeyId = newKeyId('dk', now);
      const indexKeyId = FIRST_BLIND_INDEX_KEY_ID;
      const wrapped = wrapDataKeyLocally(createSecretKey(kek), dataKeyId, freshKey());
      return {
        [CRYPTO_ENV.kek]: kek.toString('base64'),
        [CRYPTO_ENV.dataKeys]: JSON.stringify({ [dataKeyId]: wrapped }),
        [CRYPTO_ENV.activeDataKeyId]: dataKeyId,
        [CRYPTO_ENV.blindIndexKeys]: JSON.stringify({ [indexKeyId]: freshKey().toString('base64') }),
        [CRYPTO_ENV.activeBlindIndexKeyId]: indexKeyId,
      };
    }
    case 'add-data-key': {
      const env = requireExisting(options);
      const kek = Buffer.from(env[CRYPTO_ENV.kek] ?? '', 'base64');
      const dataKeyId = newKeyId('dk', now);
      const dataKeys = JSON.parse(env[CRYPTO_ENV.dataKeys] ?? '{}') as Record<string, string>;
      dataKeys[dataKeyId] = wrapDataKeyLocally(createSecretKey(kek), dataKeyId, freshKey());
      return {
        [CRYPTO_ENV.dataKeys]: JSON.stringify(dataKeys),
        [CRYPTO_ENV.activeDataKeyId]: dataKeyId,
      };
    }
    case 'add-blind-index-key': {
      const env = requireExisting(options);
      const indexKeys = JSON.parse(env[CRYPTO_ENV.blindIndexKeys] ?? '{}') as Record<string, string>;
      indexKeys[nextBlindIndexKeyId(Object.keys(indexKeys))] = freshKey().toString('base64');
      return { [CRYPTO_ENV.blindIndexKeys]: JSON.stringify(indexKeys) };
    }
    case 'rotate-kek': {
      const env = requireExisting(options);
      const oldKek = createSecretKey(Buffer.from(env[CRYPTO_ENV.kek] ?? '', 'base64'));
      const newKek = freshKey();
      const dataKeys = JSON.parse(env[CRYPTO_ENV.dataKeys] ?? '{}') as Record<string, string>;
      const rewrapped: Record<string, string> = {};
      for (const [keyId, wrapped] of Object.entries(dataKeys)) {
        const dataKey = unwrapDataKeyLocally(oldKek, keyId, wrapped);
        rewrapped[keyId] = wrapDataKeyLocally(createSecretKey(newKek), keyId, dataKey);
        dataKey.fill(0);
      }
      return {
        [CRYPTO_ENV.kek]: newKek.toString('base64'),
        [CRYPTO_ENV.dataKeys]: JSON.stringify(rewrapped),
      };
    }
  }
}

/** A per-service variable prefix such as `ACCOUNTS_`: each service gets its own key set (no shared keys). */
const PREFIX = /^[A-Z][A-Z0-9]*_$/;

/** The unprefixed view of `env` for one prefix: `ACCOUNTS_FIELD_KEK` is read as `FIELD_KEK`. */
function unprefixed(env: CryptoEnv, prefix: string): CryptoEnv {
  return Object.fromEntries(Object.values(CRYPTO_ENV).map((name) => [name, env[`${prefix}${name}`]]));
}

/**
 * `generate-keys [--prefix ACCOUNTS_] [--add-data-key | --add-blind-index-key | --rotate-kek]`; prints dotenv
 * lines; returns the exit code. With `--prefix`, the current set is read from and printed under prefixed
 * names, so every service's set lives side by side in one file.
 */
export function runGenerateKeysCli(
  argv: readonly string[],
  env: CryptoEnv,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): number {
  const flags: Partial<Record<string, GenerateKeysMode>> = {
    '--add-data-key': 'add-data-key',
    '--add-blind-index-key': 'add-blind-index-key',
    '--rotate-kek': 'rotate-kek',
  };
  const mode = argv.map((arg) => flags[arg]).find((found) => found !== undefined) ?? 'fresh';
  const prefixAt = argv.indexOf('--prefix');
  const prefix = prefixAt === -1 ? '' : (argv[prefixAt + 1] ?? '');
  try {
    if (prefixAt !== -1 && !PREFIX.test(prefix)) {
      throw new CryptoError(
        'CRYPTO.CONFIG_INVALID',
        '--prefix needs upper-case letters and digits ending in _',
      );
    }
    const existing = prefix === '' ? env : unprefixed(env, prefix);
    const entries = generateKeys({ mode, existing: mode === 'fresh' ? undefined : existing });
    for (const [name, value] of Object.entries(entries)) write(`${prefix}${name}='${value}'`);
    return 0;
  } catch (error: unknown) {
    write(`# ${error instanceof Error ? error.message : 'key generation failed'}`);
    return 1;
  }
}
