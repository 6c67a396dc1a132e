import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

import { canonicalJson } from './canonical-json';

/** What a checkpoint vouches for: at `signedAt`, stream `stream` of database `database` ended at `seq` with `headHash`. */
export interface CheckpointBody {
  readonly database: string;
  readonly stream: string;
  readonly seq: number;
  readonly headHash: string;
  readonly signedAt: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  readonly keyId: string;
  /** Ed25519 signature over the canonical JSON of the body, base64. */
  readonly signature: string;
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function bodyBytes(body: CheckpointBody): Buffer {
  return Buffer.from(
    canonicalJson({
      database: body.database,
      stream: body.stream,
      seq: body.seq,
      headHash: body.headHash,
      signedAt: body.signedAt,
    }),
    'utf8',
  );
}

/** Signs and verifies checkpoints with Ed25519; verification accepts the current key and retired ones. */
export class CheckpointSigner {
  readonly keyId: string;
  private readonly verifyKeys = new Map<string, KeyObject>();

  constructor(
    private readonly privateKey: KeyObject,
    retiredPublicKeys: readonly KeyObject[] = [],
  ) {
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key');
    const publicKey = createPublicKey(privateKey);
    this.keyId = keyIdOf(publicKey);
    this.verifyKeys.set(this.keyId, publicKey);
    for (const key of retiredPublicKeys) this.verifyKeys.set(keyIdOf(key), key);
  }

  /** `pem` empty gives an ephemeral key (development and tests only; the env class refuses it in production). */
  static fromPem(pem: string, verifyKeysJson = ''): CheckpointSigner {
    const privateKey = pem.trim() === '' ? generateKeyPairSync('ed25519').privateKey : createPrivateKey(pem);
    const retired =
      verifyKeysJson.trim() === '' ? [] : Object.values(JSON.parse(verifyKeysJson) as Record<string, string>);
    return new CheckpointSigner(
      privateKey,
      retired.map((p) => createPublicKey(p)),
    );
  }

  sign(body: CheckpointBody): SignedCheckpoint {
    const signature = sign(null, bodyBytes(body), this.privateKey).toString('base64');
    return { ...body, keyId: this.keyId, signature };
  }

  /** Whether a checkpoint's key is one this signer holds (current or retired). */
  knows(keyId: string): boolean {
    return this.verifyKeys.has(keyId);
  }

  verify(checkpoint: SignedCheckpoint): boolean {
    const key = this.verifyKeys.get(checkpoint.keyId);
    if (!key) return false;
    try {
      return verify(null, bodyBytes(checkpoint), key, Buffer.from(checkpoint.signature, 'base64'));
    } catch {
      return false;
    }
  }
}
