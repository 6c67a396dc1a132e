import { Module } from '@nestjs/common';

import { LoginRiskModule } from '../login-risk/login-risk.module';
import { RetentionController } from './retention.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

@Module({
  imports: [LoginRiskModule],
  controllers: [RetentionController],
  providers: [RetentionService, RetentionScheduler],
})
export class RetentionModule {}
