/** The candidate's certificate. */
export class CertificateDto {
  certificateId!: string;
  examId!: string;
  title!: string;
  /** The masked name identity published; null when the candidate's real name is not verified. */
  holder!: string | null;
  issuedOn!: string;
  score!: number | null;
  maxScore!: number | null;
  verificationCode!: string;
  verifyUrl!: string;
  /** The signed token printed in the PDF: `ECERT1.<kid>.<base64url payload>.<base64url signature>`. */
  token!: string;
  revoked!: boolean;
  revokedReason!: string | null;
}

/** What the public verification answers: only the masked holder, the title and the date. */
export class CertificateVerificationDto {
  /** True when the code belongs to a certificate this service issued and it still holds. */
  valid!: boolean;
  /** valid, or revoked (its attempt was terminated or regraded below the pass score). */
  status!: string;
  holder!: string | null;
  title!: string;
  issuedOn!: string;
  revokedOn!: string | null;
}

export class CertificatePublicKeyDto {
  keyId!: string;
  /** Base64 DER SubjectPublicKeyInfo of an Ed25519 key. */
  publicKey!: string;
}

export class CertificatePublicKeysDto {
  algorithm!: string;
  /** How the token embedded in a certificate PDF is built and checked. */
  tokenFormat!: string;
  keys!: CertificatePublicKeyDto[];
}
