import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CallbackModule } from '../callback/callback.module';
import { CheckoutEntity } from '../order/checkout.entity';
import { OrderEntity } from '../order/order.entity';
import { ProviderModule } from '../provider/provider.module';
import { RefundEntity } from '../refund/refund.entity';
import { RefundModule } from '../refund/refund.module';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationScheduler } from './reconciliation.scheduler';
import { ReconciliationService } from './reconciliation.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, RefundEntity, CheckoutEntity]),
    CallbackModule,
    RefundModule,
    ProviderModule,
  ],
  providers: [ReconciliationRepository, ReconciliationService, ReconciliationScheduler],
  exports: [ReconciliationService],
})
export class ReconciliationModule {}
