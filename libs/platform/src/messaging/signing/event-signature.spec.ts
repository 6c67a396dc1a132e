import type { KeyObject } from 'node:crypto';

import { parseEd25519PrivateKey, parseEd25519PublicKeys } from '../../signing/ed25519-keys';
import { generateEd25519KeyPair } from '../../signing/ed25519-keys';
import {
  type EventSigningKey,
  SIGNATURE_HEADER,
  type SignatureCheck,
  signEvent,
  SIGNING_KEY_HEADER,
  verifyEvent,
} from './event-signature';
import { developmentEventSigningKeyPair, developmentEventVerifyKeys } from './event-signing-keys';

function signingKey(keyId: string): { key: EventSigningKey; publicKeys: string } {
  const pair = generateEd25519KeyPair(keyId);
  return {
    key: { keyId, privateKey: parseEd25519PrivateKey(pair.privateKey, 'event') },
    publicKeys: pair.publicKeys,
  };
}

/** The reason code of a refusal (`EVENT.…`), or `ok`. */
function codeOf(check: SignatureCheck): string {
  return check.ok ? 'ok' : (check.reason.split(':')[0] ?? '');
}

describe('verifyEvent', () => {
  const topic = 'audit.account_action.requested' as const;
  const value = Buffer.from('{"type":"audit.account_action.requested","payload":{"action":"unlock"}}');
  const audit = signingKey('audit.2026-01');
  const identity = signingKey('identity.2026-01');
  let keys: ReadonlyMap<string, KeyObject>;

  beforeEach(() => {
    keys = parseEd25519PublicKeys(`${audit.publicKeys},${identity.publicKeys}`, 'event');
  });

  it('should accept the owner’s signature over these bytes', () => {
    const sut = verifyEvent(keys, topic, value, signEvent(audit.key, topic, value));

    expect(sut).toEqual({ ok: true });
  });

  it('should accept a header given as a Buffer, as kafkajs delivers it', () => {
    const headers = signEvent(audit.key, topic, value);
    const asBuffers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)]));

    expect(verifyEvent(keys, topic, value, asBuffers)).toEqual({ ok: true });
  });

  it.each([
    ['no headers', undefined, 'EVENT.UNSIGNED'],
    ['a signature without key id', { [SIGNATURE_HEADER]: 'AAAA' }, 'EVENT.UNSIGNED'],
    ['another service’s valid key', 'identity', 'EVENT.WRONG_SIGNER'],
    [
      'a key id without a service',
      { [SIGNATURE_HEADER]: 'AAAA', [SIGNING_KEY_HEADER]: 'audit' },
      'EVENT.WRONG_SIGNER',
    ],
    ['an unknown key of the owner', 'rogue', 'EVENT.UNKNOWN_KEY'],
    ['a fresh key under the owner’s key id', 'impostor', 'EVENT.BAD_SIGNATURE'],
    [
      'garbage as signature',
      { [SIGNATURE_HEADER]: '!!', [SIGNING_KEY_HEADER]: 'audit.2026-01' },
      'EVENT.BAD_SIGNATURE',
    ],
  ] as const)('should refuse %s', (_label, how, reason) => {
    const headers =
      how === 'identity'
        ? signEvent(identity.key, topic, value)
        : how === 'rogue'
          ? signEvent(signingKey('audit.rogue').key, topic, value)
          : how === 'impostor'
            ? signEvent(signingKey('audit.2026-01').key, topic, value)
            : how;

    const sut = verifyEvent(keys, topic, value, headers);

    expect(codeOf(sut)).toBe(reason);
  });

  it('should refuse a genuine signature on altered bytes', () => {
    const headers = signEvent(audit.key, topic, value);
    const altered = Buffer.from(value.toString('utf8').replace('unlock', 'lock__'));

    expect(codeOf(verifyEvent(keys, topic, altered, headers))).toBe('EVENT.BAD_SIGNATURE');
  });

  it('should refuse a genuine signature moved to another topic of the same owner', () => {
    const headers = signEvent(audit.key, 'audit.login.assessed', value);

    expect(codeOf(verifyEvent(keys, topic, value, headers))).toBe('EVENT.BAD_SIGNATURE');
  });

  it('should refuse a message without a value', () => {
    expect(codeOf(verifyEvent(keys, topic, null, signEvent(audit.key, topic, value)))).toBe('EVENT.UNSIGNED');
  });

  it('should verify every producer’s development key with the development verifier set', () => {
    const dev = developmentEventSigningKeyPair('audit');
    const key = { keyId: dev.keyId, privateKey: parseEd25519PrivateKey(dev.privateKey, 'event') };
    const devKeys = parseEd25519PublicKeys(developmentEventVerifyKeys(), 'event');

    expect(verifyEvent(devKeys, topic, value, signEvent(key, topic, value))).toEqual({ ok: true });
  });
});
