import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CandidateModule } from '../candidate/candidate.module';
import { ExamFeatureModule } from '../exam/exam.module';
import { AdmissionTicketService } from '../ticket/admission-ticket.service';
import { PaymentConsumer } from './payment.consumer';
import { RegistrationEntity } from './registration.entity';
import { RegistrationRepository } from './registration.repository';
import { RegistrationErasureConsumer } from './registration-erasure.consumer';
import { RegistrationErasureService } from './registration-erasure.service';
import { RegistrationReviewService } from './registration-review.service';
import { CandidateRegistrationsController, StaffRegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([RegistrationEntity]), CandidateModule, ExamFeatureModule],
  controllers: [
    CandidateRegistrationsController,
    StaffRegistrationsController,
    PaymentConsumer,
    RegistrationErasureConsumer,
  ],
  providers: [
    RegistrationRepository,
    RegistrationsService,
    RegistrationReviewService,
    RegistrationErasureService,
    AdmissionTicketService,
  ],
  exports: [RegistrationRepository],
})
export class RegistrationModule {}
