import { Module } from '@nestjs/common';

import { RegistrationModule } from '../registration/registration.module';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Empties registrations' personal data past retention; exposes no route. */
@Module({
  imports: [RegistrationModule],
  providers: [RetentionService, RetentionScheduler],
  exports: [RetentionService],
})
export class RetentionModule {}
