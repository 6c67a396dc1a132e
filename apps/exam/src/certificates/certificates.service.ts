import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';

import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { VerifiedCandidateService } from '../candidate/verified-candidate.service';
import { ExamEnv } from '../config/exam.env';
import { isDuplicateKeyError } from '../database/duplicate-key';
import { CandidateResultsService } from '../results/candidate-results.service';
import { passed } from '../results/domain/counted-attempt';
import { AttemptAwaitingMarkingError } from '../results/result.errors';
import { CertificateEntity } from './certificate.entity';
import {
  CertificateFontUnavailableError,
  CertificateNotIssuedError,
  CertificateNotOfferedError,
  CertificateNotPassedError,
  CertificateRevokedError,
} from './certificate.errors';
import { CertificateRepository } from './certificate.repository';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateSigner } from './certificate-signer';
import { verificationCodeOf } from './domain/verification-code';

const BEIJING_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export interface IssuedCertificate {
  readonly certificate: CertificateEntity;
  /** False when the candidate already had it (the call changed nothing). */
  readonly created: boolean;
}

/**
 * Certificates of candidates: issued once on a passed, released result of an exam that offers one, signed
 * at issue, printed as a PDF on request.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly results: CandidateResultsService,
    private readonly candidates: VerifiedCandidateService,
    private readonly signer: CertificateSigner,
    private readonly events: EventPublisher,
    private readonly env: ExamEnv,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string, examId: string): Promise<IssuedCertificate> {
    const existing = await this.certificates.findOfHolder(examId, userId);
    if (existing !== null) return { certificate: existing, created: false };
    const results = await this.results.results(userId, examId);
    const { exam } = results;
    if (exam.settings.certificate?.enabled !== true) throw new CertificateNotOfferedError();
    const counted = results.attempts.find((a) => a.id === results.countedAttemptId);
    if (counted === undefined || counted.score === null) throw new AttemptAwaitingMarkingError();
    if (!passed(counted.score, exam.settings.passScore))
      throw new CertificateNotPassedError(counted.score, exam.settings.passScore);
    const now = this.clock.now();
    const code = verificationCodeOf(randomBytes(15));
    const holder = (await this.candidates.find(userId))?.maskedName ?? null;
    const title = exam.settings.certificate.title ?? exam.title;
    const signed = this.signer.sign({
      v: 1,
      code,
      examId,
      title,
      holder,
      issuedOn: BEIJING_DATE.format(now),
      score: counted.score,
      maxScore: counted.maxScore,
    });
    const certificate = Object.assign(new CertificateEntity(), {
      id: randomUUID(),
      examId,
      institutionId: exam.institutionId,
      userId,
      attemptId: counted.id,
      verificationCode: code,
      holderMaskedName: holder,
      title,
      issuedOn: signed.payload.issuedOn,
      score: counted.score,
      maxScore: counted.maxScore,
      keyId: signed.keyId,
      signedPayload: signed.canonical,
      signature: signed.signature,
      revokedAt: null,
      revokedReason: null,
      issuedAt: now,
    });
    try {
      await this.certificates.transaction(async (tx) => {
        await this.certificates.insert(tx, certificate);
        await this.events.stage(tx, Topics.CertificateIssued, {
          subjectId: certificate.id,
          payload: {
            certificateId: certificate.id,
            examId,
            institutionId: exam.institutionId,
            userId,
            attemptId: counted.id,
            issuedAt: now.toISOString(),
          },
        });
      });
    } catch (error: unknown) {
      // A parallel request issued it first: answer that one.
      if (!isDuplicateKeyError(error)) throw error;
      const winner = await this.certificates.findOfHolder(examId, userId);
      if (winner === null) throw error;
      return { certificate: winner, created: false };
    }
    return { certificate, created: true };
  }

  async mine(userId: string, examId: string): Promise<CertificateEntity> {
    const certificate = await this.certificates.findOfHolder(examId, userId);
    if (certificate === null) throw new CertificateNotIssuedError();
    return certificate;
  }

  async pdf(userId: string, examId: string): Promise<Buffer> {
    const certificate = await this.mine(userId, examId);
    if (certificate.revokedAt !== null) throw new CertificateRevokedError();
    if (!existsSync(this.env.TICKET_FONT_PATH)) throw new CertificateFontUnavailableError();
    try {
      return await renderCertificatePdf({
        certificate,
        token: this.signer.tokenOf(certificate),
        verifyUrl: this.verifyUrlOf(certificate.verificationCode),
        fontPath: this.env.TICKET_FONT_PATH,
        fontFace: this.env.TICKET_FONT_FACE,
      });
    } catch {
      throw new CertificateFontUnavailableError();
    }
  }

  verifyUrlOf(code: string): string {
    return `${this.env.CERTIFICATE_VERIFY_URL.replace(/\/+$/, '')}/${code}`;
  }
}
