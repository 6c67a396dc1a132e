import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Keyed fingerprints of IPs and devices for the failure windows: equal inputs give equal refs, but
 * the IPv4 space is small enough that an unkeyed hash would be reversible by enumeration.
 */
export class SourcePseudonymizer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key =
      secret.trim() === ''
        ? randomBytes(32)
        : createHash('sha256').update(`audit-source-ref|${secret}`).digest();
  }

  ref(kind: 'ip' | 'device', value: string): string {
    return `${kind}:${createHmac('sha256', this.key).update(value.trim().toLowerCase()).digest('hex')}`;
  }
}
