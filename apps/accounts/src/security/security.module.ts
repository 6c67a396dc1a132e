import { Module } from '@nestjs/common';

import { SessionsModule } from '../sessions/sessions.module';
import { SecurityDecisionsConsumer } from './security-decisions.consumer';
import { SecurityDecisionsService } from './security-decisions.service';

@Module({
  imports: [SessionsModule],
  controllers: [SecurityDecisionsConsumer],
  providers: [SecurityDecisionsService],
})
export class SecurityModule {}
