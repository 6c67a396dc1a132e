import type { KeyObject } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { ExamEnv } from '../config/exam.env';
import type { CertificateEntity } from './certificate.entity';
import {
  canonicalJson,
  CERTIFICATE_TOKEN_PREFIX,
  type CertificatePayload,
  parseCertificatePrivateKey,
  parseCertificatePublicKeys,
  signCertificate,
} from './domain/certificate-signature';

export interface SignedCertificate {
  readonly payload: CertificatePayload;
  readonly canonical: string;
  readonly keyId: string;
  readonly signature: string;
}

/** The exam service's certificate key: signs at issue, publishes the public keys verifiers need. */
@Injectable()
export class CertificateSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKeys: ReadonlyMap<string, KeyObject>;

  constructor(private readonly env: ExamEnv) {
    this.privateKey = parseCertificatePrivateKey(env.CERTIFICATE_PRIVATE_KEY);
    this.publicKeys = parseCertificatePublicKeys(env.CERTIFICATE_PUBLIC_KEYS);
  }

  sign(payload: CertificatePayload): SignedCertificate {
    const token = signCertificate(payload, this.env.CERTIFICATE_KEY_ID, this.privateKey);
    const signature = token.split('.')[3] ?? '';
    return { payload, canonical: canonicalJson(payload), keyId: this.env.CERTIFICATE_KEY_ID, signature };
  }

  /** The token as signed at issue, rebuilt from what was stored. */
  tokenOf(c: CertificateEntity): string {
    return `${CERTIFICATE_TOKEN_PREFIX}.${c.keyId}.${Buffer.from(c.signedPayload, 'utf8').toString('base64url')}.${c.signature}`;
  }

  /** Every verifying key (current and retired) as base64 DER SPKI. */
  publishedKeys(): { keyId: string; publicKey: string }[] {
    return [...this.publicKeys].map(([keyId, key]) => ({
      keyId,
      publicKey: key.export({ format: 'der', type: 'spki' }).toString('base64'),
    }));
  }
}
