import { generateKeyPairSync } from 'node:crypto';

import { CheckpointSigner } from './checkpoint-signer';

const newPem = (): string =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe(CheckpointSigner.name, () => {
  const body = {
    database: 'audit',
    stream: 'accounts',
    seq: 7,
    headHash: 'a'.repeat(64),
    signedAt: '2026-01-01T00:00:00.000Z',
  };

  it('should verify what it signed', () => {
    const sut = CheckpointSigner.fromPem(newPem());
    expect(sut.verify(sut.sign(body))).toBe(true);
  });

  it('should reject a checkpoint whose head hash or seq was changed', () => {
    const sut = CheckpointSigner.fromPem(newPem());
    const signed = sut.sign(body);
    expect(sut.verify({ ...signed, headHash: 'b'.repeat(64) })).toBe(false);
    expect(sut.verify({ ...signed, seq: 8 })).toBe(false);
  });

  it('should reject a checkpoint signed by another key', () => {
    const sut = CheckpointSigner.fromPem(newPem());
    const forger = CheckpointSigner.fromPem(newPem());
    expect(sut.verify({ ...forger.sign(body), keyId: sut.keyId })).toBe(false);
  });

  it('should still verify checkpoints of a retired key listed in AUDIT_VERIFY_KEYS', () => {
    const { createPrivateKey, createPublicKey } =
      jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const oldPem = newPem();
    const old = CheckpointSigner.fromPem(oldPem);
    const oldPublic = createPublicKey(createPrivateKey(oldPem))
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const sut = CheckpointSigner.fromPem(newPem(), JSON.stringify({ [old.keyId]: oldPublic }));
    expect(sut.verify(old.sign(body))).toBe(true);
  });

  it('should refuse a key that is not Ed25519', () => {
    const { generateKeyPairSync } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => CheckpointSigner.fromPem(pem)).toThrow('Ed25519');
  });
});
