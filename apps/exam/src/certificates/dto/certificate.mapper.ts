import type { CertificateEntity } from '../certificate.entity';
import type { CertificateDto, CertificateVerificationDto } from './certificate.dto';

export function toCertificateDto(c: CertificateEntity, token: string, verifyUrl: string): CertificateDto {
  return {
    certificateId: c.id,
    examId: c.examId,
    title: c.title,
    holder: c.holderMaskedName,
    issuedOn: c.issuedOn,
    score: c.score,
    maxScore: c.maxScore,
    verificationCode: c.verificationCode,
    verifyUrl,
    token,
    revoked: c.revokedAt !== null,
    revokedReason: c.revokedReason,
  };
}

export function toVerificationDto(c: CertificateEntity): CertificateVerificationDto {
  return {
    valid: c.revokedAt === null,
    status: c.revokedAt === null ? 'valid' : 'revoked',
    holder: c.holderMaskedName,
    title: c.title,
    issuedOn: c.issuedOn,
    revokedOn: c.revokedAt === null ? null : c.revokedAt.toISOString().slice(0, 10),
  };
}
