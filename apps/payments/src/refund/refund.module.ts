import { Module } from '@nestjs/common';

import { OrderModule } from '../order/order.module';
import { ProviderModule } from '../provider/provider.module';
import { PaymentSettingsModule } from '../settings/payment-settings.module';
import { StaffAuditModule } from '../staff-audit/staff-audit.module';
import { RefundApprovalService } from './refund-approval.service';
import { RefundApprovalsController } from './refund-approvals.controller';
import { RefundRequestConsumer } from './refund-request.consumer';
import { RefundRequestsService } from './refund-requests.service';
import { RefundSettlementService } from './refund-settlement.service';
import { RefundSubmissionScheduler } from './refund-submission.scheduler';
import { RefundsController } from './refunds.controller';

@Module({
  imports: [OrderModule, ProviderModule, PaymentSettingsModule, StaffAuditModule],
  controllers: [RefundsController, RefundApprovalsController, RefundRequestConsumer],
  providers: [
    RefundRequestsService,
    RefundSettlementService,
    RefundApprovalService,
    RefundSubmissionScheduler,
  ],
  exports: [RefundRequestsService, RefundSettlementService],
})
export class RefundModule {}
