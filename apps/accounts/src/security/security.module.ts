import { Module } from '@nestjs/common';

import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { SecurityDecisionsConsumer } from './security-decisions.consumer';
import { SecurityDecisionsService } from './security-decisions.service';

@Module({
  imports: [SessionsModule, UsersModule],
  controllers: [SecurityDecisionsConsumer],
  providers: [SecurityDecisionsService],
  exports: [SecurityDecisionsService],
})
export class SecurityModule {}
