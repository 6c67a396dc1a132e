import { Module } from '@nestjs/common';

import { AlertsModule } from '../alerts/alerts.module';
import { LoginRiskModule } from '../login-risk/login-risk.module';
import { AppealRepository } from './appeal.repository';
import { AppealsController } from './appeals.controller';
import { AppealsService } from './appeals.service';

@Module({
  imports: [AlertsModule, LoginRiskModule],
  controllers: [AppealsController],
  providers: [AppealRepository, AppealsService],
})
export class AppealsModule {}
