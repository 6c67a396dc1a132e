import { Module } from '@nestjs/common';

import { AlertsModule } from '../alerts/alerts.module';
import { AccountActionRepository } from './account-action.repository';
import { AccountActionsController } from './account-actions.controller';
import { AccountActionsService } from './account-actions.service';

@Module({
  imports: [AlertsModule],
  controllers: [AccountActionsController],
  providers: [AccountActionRepository, AccountActionsService],
})
export class AccountActionsModule {}
