import { generateEd25519KeyPair } from '@exam/platform';

import {
  type CertificatePayload,
  parseCertificatePrivateKey,
  signCertificate,
} from '../apps/exam/src/certificates/domain/certificate-signature';
import { verifyCertificatePdf } from './verify-certificate';

const PAYLOAD: CertificatePayload = {
  v: 1,
  code: 'ABCDEFGHIJKLMNOPQRSTUVWX',
  examId: '7b0c6c3e-5c1a-4d4e-9a57-8f6f0a1b2c3d',
  title: 'exam',
  holder: null,
  issuedOn: '2026-06-01',
  score: null,
  maxScore: null,
};

describe('scripts/verify-certificate', () => {
  const keys = generateEd25519KeyPair('ce-test');
  const token = signCertificate(PAYLOAD, 'ce-test', parseCertificatePrivateKey(keys.privateKey));

  it('should find the token among the bytes of a PDF and check it with only the public key', () => {
    const pdf = Buffer.from(`%PDF-1.3\n12 0 obj\n(${token})\nendobj\n%%EOF`, 'latin1');
    expect(verifyCertificatePdf(pdf, keys.publicKeys)).toEqual({
      valid: true,
      keyId: 'ce-test',
      payload: PAYLOAD,
    });
    expect(verifyCertificatePdf(pdf, generateEd25519KeyPair('ce-test').publicKeys)).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('should answer malformed for a PDF without a certificate token', () => {
    expect(verifyCertificatePdf(Buffer.from('%PDF-1.3\n%%EOF'), keys.publicKeys)).toEqual({
      valid: false,
      reason: 'malformed',
    });
  });
});
