import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrderModule } from '../order/order.module';
import { ProviderModule } from '../provider/provider.module';
import { RefundModule } from '../refund/refund.module';
import { CallbackRecordEntity } from './callback-record.entity';
import { CallbackRecordRepository } from './callback-record.repository';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { FormBodyParser } from './form-body.parser';
import { PaymentApplicationService } from './payment-application.service';

@Module({
  imports: [TypeOrmModule.forFeature([CallbackRecordEntity]), OrderModule, RefundModule, ProviderModule],
  controllers: [CallbacksController],
  providers: [CallbackRecordRepository, CallbacksService, FormBodyParser, PaymentApplicationService],
  exports: [CallbackRecordRepository, PaymentApplicationService],
})
export class CallbackModule {}
