import { type FieldProtection, loadFieldProtection, parseCryptoConfig } from '@exam/crypto';

import type { BaseServiceEnv } from '../config/base-service.env';

/** Injection token for the service's field cipher and blind index (for explicit lookups by index). */
export const FIELD_PROTECTION = Symbol('FIELD_PROTECTION');

/** Unwraps the configured keys once; a wrong KEK or a bad key set fails the boot, not the first request. */
export function fieldProtectionFrom(env: BaseServiceEnv): Promise<FieldProtection> {
  return loadFieldProtection(
    parseCryptoConfig({
      NODE_ENV: env.NODE_ENV,
      FIELD_KEK: env.FIELD_KEK,
      FIELD_DATA_KEYS: env.FIELD_DATA_KEYS,
      FIELD_ACTIVE_KEY_ID: env.FIELD_ACTIVE_KEY_ID,
      BLIND_INDEX_KEYS: env.BLIND_INDEX_KEYS,
      BLIND_INDEX_ACTIVE_KEY_ID: env.BLIND_INDEX_ACTIVE_KEY_ID,
    }),
  );
}
