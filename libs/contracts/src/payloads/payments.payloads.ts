import {
  IsBoolean,
  IsHexadecimal,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

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

/**
 * The institution and platform staff decisions of payments (one per staff route that changes state). The
 * product "delete" route unlists (products are never deleted), and the red-letter reversal is recorded by
 * staff, while its flag is set by payments itself on a refund, so that flag is not a staff action.
 */
export const PAYMENT_STAFF_ACTIONS = [
  'refund_requested',
  'refund_approved',
  'refund_rejected',
  'refund_threshold_changed',
  'invoice_issued',
  'invoice_rejected',
  'invoice_reversal_recorded',
  'product_created',
  'product_updated',
  'product_unlisted',
  'statement_mismatch_resolved',
  'statement_run_requested',
] as const;
export type PaymentStaffActionKind = (typeof PAYMENT_STAFF_ACTIONS)[number];

/**
 * A staff member (or platform admin) took a payments decision, for the audit chain. Ids and amounts only: no
 * names, invoice titles, contact data or tax ids; a free-text reason or note stays in payments and enters as
 * its SHA-256, which lets an auditor prove the stored text unchanged.
 */
export class PaymentStaffActionTakenV1 {
  @IsUUID() actionId!: string;
  /** Null for platform-wide actions (a statement run, a mismatch that matches no order). */
  @ValidateIf((_, value) => value !== null) @IsUUID() institutionId!: string | null;
  @IsUUID() staffUserId!: string;
  @IsIn(PAYMENT_STAFF_ACTIONS) action!: PaymentStaffActionKind;
  /**
   * The order, refund, invoice, mismatch or product id; the institution's id for its settings;
   * `<provider>:<YYYY-MM-DD>` for a statement run.
   */
  @Matches(/^[A-Za-z0-9:-]{1,64}$/) subjectId!: string;
  /** The money the decision moves or sets, in fen; null where none is involved. */
  @ValidateIf((_, value) => value !== null) @IsInt() @Min(0) @Max(100_000_000) amountFen!: number | null;
  @ValidateIf((_, value) => value !== null)
  @IsHexadecimal()
  @Length(64, 64)
  reasonSha256!: string | null;
  @IsISO8601({ strict: true }) takenAt!: string;
}
