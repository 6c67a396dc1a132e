import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { FaceVerificationModule } from '../auth/face/face-verification.module';
import { ContactsModule } from '../contacts/contacts.module';
import { InstitutionsModule } from '../institutions/institutions.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Deletes expired codes, contact changes, invitations and ended sessions; exposes no route. */
@Module({
  imports: [
    AuthModule,
    UsersModule,
    SessionsModule,
    VerificationModule,
    ContactsModule,
    InstitutionsModule,
    PrivacyModule,
    FaceVerificationModule,
  ],
  providers: [RetentionService, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule {}
