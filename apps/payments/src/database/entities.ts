import { CallbackRecordEntity } from '../callback/callback-record.entity';
import { InvoiceEntity } from '../invoice/invoice.entity';
import { InvoiceFileEntity } from '../invoice/invoice-file.entity';
import { CheckoutEntity } from '../order/checkout.entity';
import { OrderEntity } from '../order/order.entity';
import { OrderItemEntity } from '../order/order-item.entity';
import { OrderTransitionEntity } from '../order/order-transition.entity';
import { PaymentRegistrationEntity } from '../order/payment-registration.entity';
import { PaymentTransactionEntity } from '../order/payment-transaction.entity';
import { ProductEntity } from '../product/product.entity';
import { RefundEntity } from '../refund/refund.entity';
import { PaymentSettingsEntity } from '../settings/payment-settings.entity';
import { StatementMismatchEntity } from '../statement/statement-mismatch.entity';
import { StatementRunEntity } from '../statement/statement-run.entity';

/** Every TypeORM entity the payments service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const PAYMENTS_ENTITIES: Function[] = [
  ProductEntity,
  OrderEntity,
  OrderItemEntity,
  OrderTransitionEntity,
  PaymentTransactionEntity,
  PaymentRegistrationEntity,
  RefundEntity,
  CallbackRecordEntity,
  PaymentSettingsEntity,
  CheckoutEntity,
  InvoiceEntity,
  InvoiceFileEntity,
  StatementRunEntity,
  StatementMismatchEntity,
];
