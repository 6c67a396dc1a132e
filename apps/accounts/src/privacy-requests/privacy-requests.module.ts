import { Module } from '@nestjs/common';

import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccountErasureService } from './account-erasure.service';
import { PersonalDataExportBuilder } from './personal-data-export.builder';
import { PersonalDataExportService } from './personal-data-export.service';
import { PrivacyRequestsController } from './privacy-requests.controller';

@Module({
  imports: [UsersModule, SessionsModule],
  controllers: [PrivacyRequestsController],
  providers: [PersonalDataExportBuilder, PersonalDataExportService, AccountErasureService],
})
export class PrivacyRequestsModule {}
