import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AttemptModule } from '../attempt/attempt.module';
import { CandidateModule } from '../candidate/candidate.module';
import { ExamFeatureModule } from '../exam/exam.module';
import { ResultsModule } from '../results/results.module';
import { CertificateEntity } from './certificate.entity';
import { CertificateRepository } from './certificate.repository';
import { CertificateSigner } from './certificate-signer';
import { CertificateVerificationService } from './certificate-verification.service';
import { CandidateCertificatesController, PublicCertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

/** Certificates on a pass: issue, signed PDF, public and offline verification, revocation. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CertificateEntity]),
    AttemptModule,
    CandidateModule,
    ExamFeatureModule,
    ResultsModule,
  ],
  controllers: [CandidateCertificatesController, PublicCertificatesController],
  providers: [CertificateRepository, CertificateSigner, CertificatesService, CertificateVerificationService],
  exports: [CertificateVerificationService],
})
export class CertificatesModule {}
