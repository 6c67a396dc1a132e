import { Module } from '@nestjs/common';

import { OrderModule } from '../order/order.module';
import { ProviderModule } from '../provider/provider.module';
import { RefundRequestConsumer } from './refund-request.consumer';
import { RefundSubmissionScheduler } from './refund-submission.scheduler';
import { RefundsController } from './refunds.controller';
import { RefundsService } from './refunds.service';

@Module({
  imports: [OrderModule, ProviderModule],
  controllers: [RefundsController, RefundRequestConsumer],
  providers: [RefundsService, RefundSubmissionScheduler],
  exports: [RefundsService],
})
export class RefundModule {}
