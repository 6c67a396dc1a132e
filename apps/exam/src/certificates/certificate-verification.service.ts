import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AttemptRepository } from '../attempt/attempt.repository';
import { ExamRepository } from '../exam/exam.repository';
import type { CertificateEntity } from './certificate.entity';
import { UnknownVerificationCodeError } from './certificate.errors';
import { CertificateRepository } from './certificate.repository';
import { type RevocationReason, revocationReason } from './domain/certificate-revocation';
import { normaliseVerificationCode, VERIFICATION_CODE_PATTERN } from './domain/verification-code';

/**
 * Public verification of a certificate by its code, and its revocation when the attempt behind it no
 * longer passes (regraded below the pass score) or was terminated. Verification re-checks the attempt, so
 * a certificate is never confirmed for an attempt that lost its pass, whoever changed it.
 */
@Injectable()
export class CertificateVerificationService {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly attempts: AttemptRepository,
    private readonly exams: ExamRepository,
    private readonly clock: Clock,
  ) {}

  async verify(input: string): Promise<CertificateEntity> {
    const code = normaliseVerificationCode(input);
    if (!VERIFICATION_CODE_PATTERN.test(code)) throw new UnknownVerificationCodeError();
    const certificate = await this.certificates.findByCode(code);
    if (certificate === null) throw new UnknownVerificationCodeError();
    if (certificate.revokedAt !== null) return certificate;
    const [attempt, exam] = await Promise.all([
      this.attempts.findOfUser(certificate.attemptId, certificate.userId),
      this.exams.findById(certificate.examId),
    ]);
    const reason =
      attempt === null || exam === null
        ? 'attempt_terminated'
        : revocationReason(attempt.status, attempt.score, exam.settings.passScore);
    if (reason !== null) {
      const now = this.clock.now();
      await this.certificates.revokeOfAttempt(null, certificate.attemptId, reason, now);
      Object.assign(certificate, { revokedAt: now, revokedReason: reason });
    }
    return certificate;
  }

  /**
   * Revokes the certificate of an attempt, in the caller's transaction: for the marking (regraded below
   * pass) and proctoring (terminated) flows. Idempotent.
   */
  revokeForAttempt(tx: EntityManager, attemptId: string, reason: RevocationReason): Promise<number> {
    return this.certificates.revokeOfAttempt(tx, attemptId, reason, this.clock.now());
  }
}
