import { BlindIndex } from './blind-index';
import { CryptoConfig } from './crypto.config';
import { CryptoError } from './crypto.errors';
import { FieldCipher } from './field-cipher';
import { KeyEncryptionProvider } from './key-encryption-provider';
import { KeyRing } from './key-ring';
import { LocalKeyEncryptionProvider } from './local-key-encryption-provider';

/** What a service needs at runtime: one cipher for encrypted columns, one blind index for lookups. */
export interface FieldProtection {
  readonly cipher: FieldCipher;
  readonly blindIndex: BlindIndex;
  readonly source: CryptoConfig['source'];
}

const MIN_DISTINCT_BYTES = 16;

/**
 * Unwraps every configured data key once at startup, so a wrong KEK or a corrupted wrapped key fails the boot
 * instead of the first request. Without an explicit provider the local one is built from FIELD_KEK.
 */
export async function loadFieldProtection(
  config: CryptoConfig,
  provider?: KeyEncryptionProvider,
): Promise<FieldProtection> {
  const kekProvider = provider ?? localProvider(config);
  const dataKeys: [string, Buffer][] = [];
  for (const [keyId, wrapped] of config.dataKeys) {
    const key = await kekProvider.unwrapDataKey(keyId, wrapped);
    if (config.production && new Set(key).size < MIN_DISTINCT_BYTES) {
      throw new CryptoError(
        'CRYPTO.CONFIG_INVALID',
        `data key "${keyId}" is not random enough to be a real key`,
      );
    }
    dataKeys.push([keyId, key]);
  }
  const dataRing = new KeyRing('field encryption', dataKeys, config.activeDataKeyId);
  const indexRing = new KeyRing(
    'blind index',
    [...config.blindIndexKeys].map(([keyId, key]) => [keyId, Buffer.from(key)] as const),
    config.activeBlindIndexKeyId,
  );
  if (dataRing.sharesKeyWith(indexRing)) {
    throw new CryptoError(
      'CRYPTO.CONFIG_INVALID',
      'a blind-index key must never equal a data encryption key',
    );
  }
  return { cipher: new FieldCipher(dataRing), blindIndex: new BlindIndex(indexRing), source: config.source };
}

function localProvider(config: CryptoConfig): KeyEncryptionProvider {
  if (config.kek === undefined) {
    throw new CryptoError(
      'CRYPTO.CONFIG_INVALID',
      'FIELD_KEK is required when no key-encryption provider is given',
    );
  }
  return new LocalKeyEncryptionProvider(Buffer.from(config.kek));
}
