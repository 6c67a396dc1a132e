import { PlatformModule } from '@exam/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { CallbackModule } from './callback/callback.module';
import type { PaymentsEnv } from './config/payments.env';
import { PAYMENTS_ENTITIES } from './database/entities';
import { PAYMENTS_MIGRATIONS } from './database/migrations';
import { InvoiceModule } from './invoice/invoice.module';
import { OrderModule } from './order/order.module';
import { ProductModule } from './product/product.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { RefundModule } from './refund/refund.module';
import { ReportModule } from './report/report.module';
import { PaymentSettingsModule } from './settings/payment-settings.module';
import { StatementModule } from './statement/statement.module';

@Module({})
export class PaymentsModule {
  static register(env: PaymentsEnv): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [
        PlatformModule.forService({
          service: 'payments',
          env,
          entities: PAYMENTS_ENTITIES,
          migrations: PAYMENTS_MIGRATIONS,
        }),
        ProductModule,
        OrderModule,
        RefundModule,
        PaymentSettingsModule,
        ReportModule,
        CallbackModule,
        ReconciliationModule,
        InvoiceModule,
        StatementModule,
      ],
    };
  }
}
