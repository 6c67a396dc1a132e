import { Module } from '@nestjs/common';

import { ContactsModule } from '../contacts/contacts.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { AccountErasureService } from './account-erasure.service';
import { PersonalDataExportBuilder } from './personal-data-export.builder';
import { PersonalDataExportService } from './personal-data-export.service';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { PrivacyRequestQueueService } from './privacy-request-queue.service';
import { PrivacyRequestsController } from './privacy-requests.controller';
import { StaffPrivacyRequestsController } from './staff-privacy-requests.controller';

@Module({
  imports: [
    UsersModule,
    SessionsModule,
    InstitutionsModule,
    PrivacyModule,
    VerificationModule,
    ContactsModule,
  ],
  controllers: [PrivacyRequestsController, StaffPrivacyRequestsController],
  providers: [
    PersonalDataExportBuilder,
    PersonalDataExportService,
    AccountErasureService,
    PrivacyRequestRepository,
    PrivacyRequestQueueService,
  ],
})
export class PrivacyRequestsModule {}
