import { textPaths } from '../../../i18n/text-paths';
import { consoleOpsPaymentsI18n } from './payments-admin.i18n';

describe('refund approval and report texts', () => {
  it('should say everything in both Chinese and English', () => {
    expect(textPaths(consoleOpsPaymentsI18n.en)).toEqual(textPaths(consoleOpsPaymentsI18n['zh-CN']));
  });

  it('should explain in words every approval and report error', () => {
    const codes = Object.keys(consoleOpsPaymentsI18n['zh-CN'].errors as Record<string, string>);
    expect(codes.sort()).toEqual(
      [
        'REFUND_APPROVAL.ALREADY_DECIDED',
        'REFUND_APPROVAL.NOT_AWAITING_APPROVAL',
        'REFUND_APPROVAL.NOT_FOUND',
        'REFUND_APPROVAL.OWN_REQUEST',
        'REPORT.RANGE_INVALID',
        'REPORT.RANGE_TOO_LONG',
      ].sort(),
    );
  });
});
