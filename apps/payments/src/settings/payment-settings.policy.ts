/**
 * Without settings of its own, an institution's staff refunds need approval once an order's refunds pass
 * 500 yuan: large enough that everyday partial refunds flow, small enough that a sizeable sum needs two people.
 */
export const DEFAULT_REFUND_APPROVAL_THRESHOLD_FEN = 50_000;

export interface EffectivePaymentSettings {
  readonly refundApprovalThresholdFen: number | null;
  /** `default` until an org_admin saves the institution's own settings. */
  readonly source: 'default' | 'institution';
  readonly updatedAt: Date | null;
}

export function effectiveSettings(
  row: { refundApprovalThresholdFen: number | null; updatedAt: Date } | null,
): EffectivePaymentSettings {
  if (row === null)
    return {
      refundApprovalThresholdFen: DEFAULT_REFUND_APPROVAL_THRESHOLD_FEN,
      source: 'default',
      updatedAt: null,
    };
  return {
    refundApprovalThresholdFen: row.refundApprovalThresholdFen,
    source: 'institution',
    updatedAt: row.updatedAt,
  };
}
