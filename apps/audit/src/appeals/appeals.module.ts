import { Module } from '@nestjs/common';

import { AlertsModule } from '../alerts/alerts.module';
import { LoginRiskModule } from '../login-risk/login-risk.module';
import { AppealRepository } from './appeal.repository';
import { AppealReviewController } from './appeal-review.controller';
import { AppealReviewRepository } from './appeal-review.repository';
import { AppealReviewService } from './appeal-review.service';
import { AppealsController } from './appeals.controller';
import { AppealsService } from './appeals.service';

@Module({
  imports: [AlertsModule, LoginRiskModule],
  controllers: [AppealsController, AppealReviewController],
  providers: [AppealRepository, AppealsService, AppealReviewRepository, AppealReviewService],
})
export class AppealsModule {}
