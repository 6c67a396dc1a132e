import { Module } from '@nestjs/common';

import { RetentionController } from './retention.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

@Module({
  controllers: [RetentionController],
  providers: [RetentionService, RetentionScheduler],
})
export class RetentionModule {}
