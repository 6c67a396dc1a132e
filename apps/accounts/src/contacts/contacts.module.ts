import { Module } from '@nestjs/common';

import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { ContactChangeRepository } from './contact-change.repository';
import { ContactChangesService } from './contact-changes.service';
import { ContactsController } from './contacts.controller';
import { SecurityNoticesConsumer } from './security-notices.consumer';
import { SecurityNoticesService } from './security-notices.service';

@Module({
  imports: [UsersModule, VerificationModule, SessionsModule],
  controllers: [ContactsController, SecurityNoticesConsumer],
  providers: [ContactChangesService, ContactChangeRepository, SecurityNoticesService],
  exports: [ContactChangeRepository],
})
export class ContactsModule {}
