import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { VerificationConsumer } from './verification.consumer';
import { VerifiedCandidateEntity } from './verified-candidate.entity';
import { VerifiedCandidateRepository } from './verified-candidate.repository';
import { VerifiedCandidateService } from './verified-candidate.service';

@Module({
  imports: [TypeOrmModule.forFeature([VerifiedCandidateEntity])],
  controllers: [VerificationConsumer],
  providers: [VerifiedCandidateRepository, VerifiedCandidateService],
  exports: [VerifiedCandidateService],
})
export class CandidateModule {}
