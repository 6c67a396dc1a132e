import { Module } from '@nestjs/common';

import { OrderModule } from '../order/order.module';
import { ProviderModule } from '../provider/provider.module';
import { RefundRequestConsumer } from './refund-request.consumer';
import { RefundRequestsService } from './refund-requests.service';
import { RefundSettlementService } from './refund-settlement.service';
import { RefundSubmissionScheduler } from './refund-submission.scheduler';
import { RefundsController } from './refunds.controller';

@Module({
  imports: [OrderModule, ProviderModule],
  controllers: [RefundsController, RefundRequestConsumer],
  providers: [RefundRequestsService, RefundSettlementService, RefundSubmissionScheduler],
  exports: [RefundRequestsService, RefundSettlementService],
})
export class RefundModule {}
