import { generateEd25519KeyPair } from '@exam/platform';

import {
  canonicalJson,
  type CertificatePayload,
  parseCertificatePrivateKey,
  parseCertificatePublicKeys,
  signCertificate,
  verifyCertificateToken,
} from './certificate-signature';
import {
  normaliseVerificationCode,
  VERIFICATION_CODE_PATTERN,
  verificationCodeOf,
} from './verification-code';

const PAYLOAD: CertificatePayload = {
  v: 1,
  code: 'ABCDEFGHIJKLMNOPQRSTUVWX',
  examId: '7b0c6c3e-5c1a-4d4e-9a57-8f6f0a1b2c3d',
  title: '高等数学 期末考试',
  holder: '**明',
  issuedOn: '2026-06-01',
  score: 88.5,
  maxScore: 100,
};

describe('certificate signature', () => {
  const keys = generateEd25519KeyPair('ce-test');
  const privateKey = parseCertificatePrivateKey(keys.privateKey);
  const publicKeys = parseCertificatePublicKeys(keys.publicKeys);

  it('should sort keys at every level in the canonical form', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });

  it('should verify a signed certificate with the public key and give back what it asserts', () => {
    const token = signCertificate(PAYLOAD, 'ce-test', privateKey);
    expect(verifyCertificateToken(token, publicKeys)).toEqual({
      valid: true,
      keyId: 'ce-test',
      payload: PAYLOAD,
    });
  });

  it('should refuse a tampered payload, a foreign key and a malformed token', () => {
    const token = signCertificate(PAYLOAD, 'ce-test', privateKey);
    const [prefix, kid, , signature] = token.split('.');
    const forged = Buffer.from(canonicalJson({ ...PAYLOAD, score: 100 })).toString('base64url');
    expect(verifyCertificateToken(`${prefix}.${kid}.${forged}.${signature}`, publicKeys)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    const other = generateEd25519KeyPair('ce-test');
    expect(verifyCertificateToken(token, parseCertificatePublicKeys(other.publicKeys))).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(verifyCertificateToken(token.replace('ce-test', 'ce-old'), publicKeys)).toEqual({
      valid: false,
      reason: 'unknown_key',
    });
    expect(verifyCertificateToken('not a token', publicKeys)).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('verification code', () => {
  it('should encode 15 random bytes as 24 base32 characters', () => {
    const code = verificationCodeOf(Buffer.alloc(15, 0xff));
    expect(code).toBe('7'.repeat(24));
    expect(verificationCodeOf(Buffer.alloc(15, 0))).toBe('A'.repeat(24));
    expect(VERIFICATION_CODE_PATTERN.test(code)).toBe(true);
    expect(() => verificationCodeOf(Buffer.alloc(14))).toThrow();
  });

  it('should accept codes typed with spaces, dashes and lower case', () => {
    expect(normaliseVerificationCode('abcd-efgh ijkl')).toBe('ABCDEFGHIJKL');
  });
});
