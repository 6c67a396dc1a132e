import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ProductModule } from '../product/product.module';
import { ProviderModule } from '../provider/provider.module';
import { RefundEntity } from '../refund/refund.entity';
import { RefundRepository } from '../refund/refund.repository';
import { CheckoutEntity } from './checkout.entity';
import { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';
import { OrderExpiryScheduler } from './order-expiry.scheduler';
import { OrderExpiryService } from './order-expiry.service';
import { OrderItemEntity } from './order-item.entity';
import { OrderPlacementService } from './order-placement.service';
import { OrderTransitionEntity } from './order-transition.entity';
import { CandidateOrdersController, StaffOrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { PaymentTransactionEntity } from './payment-transaction.entity';
import { RegistrationConsumer } from './registration.consumer';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      OrderEntity,
      OrderItemEntity,
      OrderTransitionEntity,
      PaymentTransactionEntity,
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
  ],
  exports: [OrderRepository, RefundRepository],
})
export class OrderModule {}
