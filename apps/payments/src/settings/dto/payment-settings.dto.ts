import { IsInt, Max, Min, ValidateIf } from 'class-validator';

import { MAX_AMOUNT_FEN } from '../../order/domain/money';

export class UpdatePaymentSettingsDto {
  /**
   * Staff refunds that bring an order's refunds above this many fen wait for another org_admin's approval;
   * 0: every staff refund does; null: none does.
   */
  @ValidateIf((dto: UpdatePaymentSettingsDto) => dto.refundApprovalThresholdFen !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_FEN)
  refundApprovalThresholdFen!: number | null;
}

export class PaymentSettingsDto {
  institutionId!: string;
  /** null: no staff refund needs approval. */
  refundApprovalThresholdFen!: number | null;
  /** `default` until an org_admin saves the institution's own settings. */
  source!: 'default' | 'institution';
  updatedAt!: string | null;
}
