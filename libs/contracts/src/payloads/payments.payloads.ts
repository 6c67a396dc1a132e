import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * An order was paid in full. `registrationId` is set for exam-fee orders only (product orders have none);
 * `institutionId` (added compatibly) names the seller. Ids and amounts only, nothing personal.
 */
export class OrderPaidV1 {
  @IsUUID() orderId!: string;
  @IsUUID() userId!: string;
  @IsOptional() @IsUUID() registrationId?: string;
  @IsOptional() @IsUUID() institutionId?: string;
  /** Amount in fen (minor units): money is never a float. */
  @IsInt() @Min(0) amountFen!: number;
  @IsIn(['CNY']) currency!: 'CNY';
}

/** A refund of an order settled at the provider; `fullyRefunded` once everything paid went back. */
export class OrderRefundedV1 {
  @IsUUID() orderId!: string;
  @IsUUID() refundId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsOptional() @IsUUID() registrationId?: string;
  /** This refund, in fen. */
  @IsInt() @Min(1) @Max(100_000_000) amountFen!: number;
  /** Everything refunded on the order so far, in fen. */
  @IsInt() @Min(1) @Max(100_000_000) refundedTotalFen!: number;
  @IsBoolean() fullyRefunded!: boolean;
  @IsIn(['CNY']) currency!: 'CNY';
}

/** A pending order passed its expiry time unpaid (or was cancelled); it can no longer be paid. */
export class OrderExpiredV1 {
  @IsUUID() orderId!: string;
  @IsUUID() userId!: string;
  @IsUUID() institutionId!: string;
  @IsOptional() @IsUUID() registrationId?: string;
  @IsISO8601({ strict: true }) expiredAt!: string;
}
