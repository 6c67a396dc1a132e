import { readFileSync } from 'node:fs';

import {
  certificateTokenInPdf,
  type CertificateVerification,
  parseCertificatePublicKeys,
  verifyCertificateToken,
} from '../apps/exam/src/certificates/domain/certificate-signature';

/**
 * Verifies a certificate PDF offline, with nothing but the exam service's published public keys
 * (GET /api/exam/certificates/public-keys, or CERTIFICATE_PUBLIC_KEYS): finds the signed token in the PDF,
 * checks its Ed25519 signature and prints what it asserts. Revocation needs the online check
 * (GET /api/exam/certificates/{code}).
 *
 *   node -r @swc-node/register scripts/verify-certificate.ts certificate.pdf 'kid=<base64 SPKI>[,…]'
 *
 * Exit status: 0 genuine, 1 not genuine (no token, unknown key, bad signature), 2 wrong usage.
 */
export function verifyCertificatePdf(pdf: Buffer, publicKeys: string): CertificateVerification {
  const token = certificateTokenInPdf(pdf);
  if (token === null) return { valid: false, reason: 'malformed' };
  return verifyCertificateToken(token, parseCertificatePublicKeys(publicKeys));
}

function main(argv: readonly string[]): number {
  const file = argv.length > 0 ? argv[0] : undefined;
  const keys = argv.length > 1 ? argv[1] : process.env.CERTIFICATE_PUBLIC_KEYS;
  if (file === undefined || keys === undefined || keys.trim() === '') {
    process.stderr.write(
      'usage: verify-certificate.ts <certificate.pdf> <kid=base64 SPKI,…> (or CERTIFICATE_PUBLIC_KEYS)\n',
    );
    return 2;
  }
  const result = verifyCertificatePdf(readFileSync(file), keys);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.valid ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
