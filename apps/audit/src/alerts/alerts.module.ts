import { Module } from '@nestjs/common';

import { AlertRepository } from './alert.repository';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

@Module({
  controllers: [AlertsController],
  providers: [AlertRepository, AlertsService],
  exports: [AlertRepository],
})
export class AlertsModule {}
