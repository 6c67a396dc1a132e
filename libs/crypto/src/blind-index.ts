import { createHmac } from 'node:crypto';

import { KeyRing } from './key-ring';
import { NormalizationKind, normalizeFor } from './normalize';

export interface BlindIndexSpec {
  readonly kind: NormalizationKind;
  /**
   * Separates indexes of different columns (e.g. `identity/candidates.id_number`), so equal values in two
   * columns do not produce equal digests that would let a database reader link them.
   */
  readonly domain: string;
}

/**
 * Keyed HMAC-SHA-256 over a normalized value, for equality lookups and UNIQUE constraints on encrypted data.
 * Lower-case hex (64 chars): base64 would collide under the case-insensitive collations MariaDB defaults to.
 */
export class BlindIndex {
  constructor(private readonly keys: KeyRing) {}

  get activeKeyId(): string {
    return this.keys.activeKeyId;
  }

  get keyIds(): readonly string[] {
    return this.keys.keyIds;
  }

  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  compute(value: string, spec: BlindIndexSpec, keyId: string = this.keys.activeKeyId): string {
    return this.digest(this.message(value, spec), keyId);
  }

  /** Dual-write helper for index-key migrations: one normalization, one digest per requested key. */
  computeForKeys(value: string, spec: BlindIndexSpec, keyIds: readonly string[]): Record<string, string> {
    const message = this.message(value, spec);
    const result: Record<string, string> = {};
    for (const keyId of keyIds) result[keyId] = this.digest(message, keyId);
    return result;
  }

  private message(value: string, spec: BlindIndexSpec): string {
    return `${spec.domain}\u0000${normalizeFor(spec.kind, value)}`;
  }

  private digest(message: string, keyId: string): string {
    return createHmac('sha256', this.keys.key(keyId)).update(message, 'utf8').digest('hex');
  }
}
