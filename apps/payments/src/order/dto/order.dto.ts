import { IsPlainText } from '@exam/platform';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { CHECKOUT_METHODS, type CheckoutMethod } from '../../provider/payment-provider';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-state';
import { type OrderKind, type ProviderName, PROVIDERS } from '../order.entity';

export class ContactDto {
  @IsString() @IsPlainText() @Length(1, 64) name!: string;
  @Matches(/^\+?\d{6,20}$/, { message: 'phone must be 6 to 20 digits, optionally starting with +' })
  phone!: string;
  @IsString() @IsPlainText() @Length(4, 300) address!: string;
}

export class PlaceOrderDto {
  @IsUUID() productId!: string;
  @IsInt() @Min(1) @Max(100) quantity!: number;
  /** The client's key for this purchase: repeating the request with it returns the same order. */
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits, - or _' })
  idempotencyKey!: string;
  /** Delivery contact, required for shipped products; stored encrypted, always shown masked. */
  @IsOptional() @ValidateNested() @Type(() => ContactDto) contact?: ContactDto;
}

export class ReorderExamFeeDto {
  /** The client's key for this new order: repeating the request with it returns the same order. */
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits, - or _' })
  idempotencyKey!: string;
}

export class CheckoutDto {
  @IsIn(PROVIDERS) provider!: ProviderName;
  /** wechat: native (QR code); alipay: precreate (QR code) or page (pay page). */
  @IsIn(CHECKOUT_METHODS) method!: CheckoutMethod;
}

export class ListOrdersQueryDto {
  @IsOptional() @IsIn(ORDER_STATUSES) status?: OrderStatus;
}

export class OrderItemDto {
  kind!: string;
  refId!: string;
  title!: string;
  unitPriceFen!: number;
  quantity!: number;
  amountFen!: number;
}

export class OrderTransitionDto {
  fromStatus!: string | null;
  toStatus!: string;
  cause!: string;
  actor!: string;
  note!: string | null;
  at!: string;
}

export class OrderRefundDto {
  refundId!: string;
  amountFen!: number;
  reason!: string;
  source!: string;
  status!: string;
  failure!: string | null;
  createdAt!: string;
  settledAt!: string | null;
}

export class OrderResponseDto {
  orderId!: string;
  institutionId!: string;
  kind!: OrderKind;
  registrationId!: string | null;
  description!: string;
  amountFen!: number;
  currency!: 'CNY';
  status!: OrderStatus;
  provider!: ProviderName | null;
  paidFen!: number;
  refundedFen!: number;
  /** What can still be refunded: paid minus refunded and in-progress refunds. */
  refundableFen!: number;
  /** Masked delivery contact, when the order has one. */
  contact!: { name: string; phone: string; address: string } | null;
  expiresAt!: string;
  paidAt!: string | null;
  createdAt!: string;
}

export class OrderDetailDto extends OrderResponseDto {
  items!: OrderItemDto[];
  history!: OrderTransitionDto[];
  refunds!: OrderRefundDto[];
}

export class CheckoutResponseDto {
  orderId!: string;
  provider!: ProviderName;
  method!: CheckoutMethod;
  /** Content of the QR code to show (wechat native, alipay precreate). */
  codeUrl!: string | null;
  /** Page to open (alipay page). */
  payUrl!: string | null;
  amountFen!: number;
  expiresAt!: string;
}
