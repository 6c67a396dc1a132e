import { DEFAULT_REFUND_APPROVAL_THRESHOLD_FEN, effectiveSettings } from './payment-settings.policy';

describe(effectiveSettings.name, () => {
  it('should apply the default threshold until the institution saves its own', () => {
    expect(effectiveSettings(null)).toEqual({
      refundApprovalThresholdFen: DEFAULT_REFUND_APPROVAL_THRESHOLD_FEN,
      source: 'default',
      updatedAt: null,
    });
  });

  it('should keep the institution’s own choice, no approval (null) included', () => {
    const updatedAt = new Date('2026-03-01T00:00:00Z');
    expect(effectiveSettings({ refundApprovalThresholdFen: null, updatedAt })).toEqual({
      refundApprovalThresholdFen: null,
      source: 'institution',
      updatedAt,
    });
    expect(effectiveSettings({ refundApprovalThresholdFen: 0, updatedAt }).refundApprovalThresholdFen).toBe(
      0,
    );
  });
});
