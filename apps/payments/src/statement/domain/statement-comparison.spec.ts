import {
  compareStatement,
  type ComparisonInput,
  type PlatformPayment,
  type PlatformRefund,
} from './statement-comparison';

const payment = (over: Partial<PlatformPayment> = {}): PlatformPayment => ({
  providerTradeNo: 'T1',
  outTradeNo: 'O1',
  orderId: 'order-1',
  institutionId: 'inst-a',
  amountFen: 19_900,
  inDay: true,
  ...over,
});

const refund = (over: Partial<PlatformRefund> = {}): PlatformRefund => ({
  outRefundNo: 'R1',
  outTradeNo: 'O1',
  orderId: 'order-1',
  institutionId: 'inst-a',
  amountFen: 5_000,
  status: 'succeeded',
  inDay: true,
  ...over,
});

const listed = { providerTradeNo: 'T1', outTradeNo: 'O1', amountFen: 19_900, status: 'success' };
const listedRefund = {
  outRefundNo: 'R1',
  outTradeNo: 'O1',
  providerTradeNo: 'T1',
  amountFen: 5_000,
  status: 'success',
};

function input(over: Partial<ComparisonInput> = {}): ComparisonInput {
  return {
    statement: { payments: [listed], refunds: [listedRefund] },
    payments: [payment()],
    refunds: [refund()],
    orders: [{ outTradeNo: 'O1', orderId: 'order-1', institutionId: 'inst-a' }],
    ...over,
  };
}

describe(compareStatement.name, () => {
  it('should find nothing when both sides agree', () => {
    expect(compareStatement(input())).toEqual([]);
  });

  it('should report a provider trade the platform never recorded, owned by its order when one matches', () => {
    const sut = compareStatement(
      input({
        statement: {
          payments: [
            listed,
            { ...listed, providerTradeNo: 'T2' },
            { ...listed, providerTradeNo: 'T3', outTradeNo: 'X' },
          ],
          refunds: [listedRefund],
        },
      }),
    );
    expect(sut).toEqual([
      expect.objectContaining({
        kind: 'missing_on_platform',
        reference: 'T2',
        orderId: 'order-1',
        institutionId: 'inst-a',
        platformAmountFen: null,
        providerAmountFen: 19_900,
      }),
      expect.objectContaining({
        kind: 'missing_on_platform',
        reference: 'T3',
        orderId: null,
        institutionId: null,
      }),
    ]);
  });

  it('should report a payment of the day the provider does not list, but not one of another day', () => {
    const sut = compareStatement(
      input({
        payments: [
          payment(),
          payment({ providerTradeNo: 'T9', outTradeNo: 'O9' }),
          payment({ providerTradeNo: 'T8', inDay: false }),
        ],
      }),
    );
    expect(sut).toEqual([
      expect.objectContaining({
        kind: 'missing_at_provider',
        reference: 'T9',
        providerAmountFen: null,
        platformAmountFen: 19_900,
      }),
    ]);
  });

  it('should match a listed trade recorded on the platform on another day', () => {
    expect(compareStatement(input({ payments: [payment({ inDay: false })] }))).toEqual([]);
  });

  it('should report a differing amount and a non-success status', () => {
    expect(
      compareStatement(
        input({ statement: { payments: [{ ...listed, amountFen: 19_800 }], refunds: [listedRefund] } }),
      ),
    ).toEqual([
      expect.objectContaining({
        kind: 'amount_differs',
        platformAmountFen: 19_900,
        providerAmountFen: 19_800,
      }),
    ]);
    expect(
      compareStatement(
        input({ statement: { payments: [{ ...listed, status: 'REVOKED' }], refunds: [listedRefund] } }),
      ),
    ).toEqual([
      expect.objectContaining({ kind: 'status_differs', platformStatus: 'paid', providerStatus: 'REVOKED' }),
    ]);
  });

  it('should report each refund mismatch', () => {
    const sut = compareStatement(
      input({
        statement: {
          payments: [listed],
          refunds: [
            { ...listedRefund, amountFen: 4_000 },
            { ...listedRefund, outRefundNo: 'R2' },
            { ...listedRefund, outRefundNo: 'R3', status: 'processing' },
          ],
        },
        refunds: [
          refund(),
          refund({ outRefundNo: 'R3' }),
          refund({ outRefundNo: 'R4' }),
          refund({ outRefundNo: 'R5', inDay: false }),
        ],
      }),
    );
    expect(sut.map((m) => [m.kind, m.reference])).toEqual([
      ['refund_amount_differs', 'R1'],
      ['refund_missing_on_platform', 'R2'],
      ['refund_status_differs', 'R3'],
      ['refund_missing_at_provider', 'R4'],
    ]);
  });

  it('should accept a refund still processing on both sides', () => {
    expect(
      compareStatement(
        input({
          statement: { payments: [listed], refunds: [{ ...listedRefund, status: 'processing' }] },
          refunds: [refund({ status: 'processing', inDay: false })],
        }),
      ),
    ).toEqual([]);
  });
});
