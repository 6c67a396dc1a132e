import { consoleOpsPaymentsI18n } from './payments-admin.i18n';

function paths(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? paths(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('refund approval and report texts', () => {
  it('should say everything in both Chinese and English', () => {
    expect(paths(consoleOpsPaymentsI18n.en).sort()).toEqual(paths(consoleOpsPaymentsI18n['zh-CN']).sort());
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
