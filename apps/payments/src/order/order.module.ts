import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ProductModule } from '../product/product.module';
import { ProviderModule } from '../provider/provider.module';
import { RefundEntity } from '../refund/refund.entity';
import { RefundRepository } from '../refund/refund.repository';
import { CheckoutEntity } from './checkout.entity';
import { ExamFeeReorderService } from './exam-fee-reorder.service';
import { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';
import { OrderExpiryScheduler } from './order-expiry.scheduler';
import { OrderExpiryService } from './order-expiry.service';
import { OrderItemEntity } from './order-item.entity';
import { OrderPlacementService } from './order-placement.service';
import { OrderTransitionEntity } from './order-transition.entity';
import { CandidateOrdersController, StaffOrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { PaymentRegistrationEntity } from './payment-registration.entity';
import { PaymentRegistrationRepository } from './payment-registration.repository';
import { PaymentTransactionEntity } from './payment-transaction.entity';
import { RegistrationConsumer } from './registration.consumer';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      OrderEntity,
      OrderItemEntity,
      OrderTransitionEntity,
      PaymentTransactionEntity,
      PaymentRegistrationEntity,
      RefundEntity,
      CheckoutEntity,
    ]),
    ProductModule,
    ProviderModule,
  ],
  controllers: [CandidateOrdersController, StaffOrdersController, RegistrationConsumer],
  providers: [
    OrderRepository,
    RefundRepository,
    OrdersService,
    OrderPlacementService,
    OrderExpiryService,
    OrderExpiryScheduler,
    PaymentRegistrationRepository,
    ExamFeeReorderService,
  ],
  exports: [OrderRepository, RefundRepository],
})
export class OrderModule {}
