/**
 * The daily comparison of a provider's statement with the platform's records of the same merchant day. Pure:
 * the caller loads the platform's payments and refunds of the day (`inDay`) plus any of other days that the
 * statement names (so a row near midnight, or a refund of an older order, is not reported as missing).
 */
export const MISMATCH_KINDS = [
  'missing_on_platform',
  'missing_at_provider',
  'amount_differs',
  'status_differs',
  'refund_missing_on_platform',
  'refund_missing_at_provider',
  'refund_amount_differs',
  'refund_status_differs',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export interface StatementSide {
  readonly payments: readonly {
    readonly providerTradeNo: string;
    readonly outTradeNo: string;
    readonly amountFen: number;
    readonly status: string;
  }[];
  readonly refunds: readonly {
    readonly outRefundNo: string;
    readonly outTradeNo: string;
    readonly providerTradeNo: string;
    readonly amountFen: number;
    readonly status: string;
  }[];
}

/** A payment the platform recorded (payment_transactions), with its order. */
export interface PlatformPayment {
  readonly providerTradeNo: string;
  readonly outTradeNo: string;
  readonly orderId: string;
  readonly institutionId: string;
  readonly amountFen: number;
  readonly inDay: boolean;
}

/** A refund the platform recorded (payment_refunds), with its order. */
export interface PlatformRefund {
  readonly outRefundNo: string;
  readonly outTradeNo: string;
  readonly orderId: string;
  readonly institutionId: string;
  readonly amountFen: number;
  readonly status: 'requested' | 'processing' | 'succeeded' | 'failed';
  /** Settled (succeeded) within the day: the provider's statement of the day must list it. */
  readonly inDay: boolean;
}

/** An order the platform knows by its merchant number: a provider-only trade of it still has an owner. */
export interface KnownOrder {
  readonly outTradeNo: string;
  readonly orderId: string;
  readonly institutionId: string;
}

export interface ComparisonInput {
  readonly statement: StatementSide;
  readonly payments: readonly PlatformPayment[];
  readonly refunds: readonly PlatformRefund[];
  readonly orders: readonly KnownOrder[];
}

export interface Mismatch {
  readonly kind: MismatchKind;
  /** What identifies it within a provider and day: the provider trade number, or the merchant refund number. */
  readonly reference: string;
  readonly outTradeNo: string;
  readonly providerTradeNo: string | null;
  readonly outRefundNo: string | null;
  /** Null when no order of the platform has this merchant number (only platform staff see it). */
  readonly orderId: string | null;
  readonly institutionId: string | null;
  readonly platformAmountFen: number | null;
  readonly providerAmountFen: number | null;
  readonly platformStatus: string | null;
  readonly providerStatus: string | null;
}

/** Which platform refund states agree with the provider's word for a refund. */
function refundStatusAgrees(platform: PlatformRefund['status'], provider: string): boolean {
  switch (platform) {
    case 'succeeded':
      return provider === 'success';
    case 'requested':
    case 'processing':
      return provider === 'processing';
    case 'failed':
      return provider === 'failed';
  }
}

export function compareStatement(input: ComparisonInput): Mismatch[] {
  const found: Mismatch[] = [];
  const paymentsByTradeNo = new Map(input.payments.map((p) => [p.providerTradeNo, p]));
  const refundsByNo = new Map(input.refunds.map((r) => [r.outRefundNo, r]));
  const ordersByNo = new Map(input.orders.map((o) => [o.outTradeNo, o]));
  const owner = (outTradeNo: string): { orderId: string | null; institutionId: string | null } => {
    const order = ordersByNo.get(outTradeNo);
    return { orderId: order?.orderId ?? null, institutionId: order?.institutionId ?? null };
  };

  const listedTrades = new Set<string>();
  for (const row of input.statement.payments) {
    listedTrades.add(row.providerTradeNo);
    const platform = paymentsByTradeNo.get(row.providerTradeNo);
    const base = {
      reference: row.providerTradeNo,
      outTradeNo: row.outTradeNo,
      providerTradeNo: row.providerTradeNo,
      outRefundNo: null,
      providerAmountFen: row.amountFen,
      providerStatus: row.status,
    };
    if (platform === undefined) {
      found.push({
        ...base,
        kind: 'missing_on_platform',
        ...owner(row.outTradeNo),
        platformAmountFen: null,
        platformStatus: null,
      });
      continue;
    }
    const known = {
      ...base,
      orderId: platform.orderId,
      institutionId: platform.institutionId,
      platformAmountFen: platform.amountFen,
      platformStatus: 'paid',
    };
    if (row.status !== 'success') found.push({ ...known, kind: 'status_differs' });
    else if (row.amountFen !== platform.amountFen) found.push({ ...known, kind: 'amount_differs' });
  }
  for (const payment of input.payments) {
    if (!payment.inDay || listedTrades.has(payment.providerTradeNo)) continue;
    found.push({
      kind: 'missing_at_provider',
      reference: payment.providerTradeNo,
      outTradeNo: payment.outTradeNo,
      providerTradeNo: payment.providerTradeNo,
      outRefundNo: null,
      orderId: payment.orderId,
      institutionId: payment.institutionId,
      platformAmountFen: payment.amountFen,
      providerAmountFen: null,
      platformStatus: 'paid',
      providerStatus: null,
    });
  }

  const listedRefunds = new Set<string>();
  for (const row of input.statement.refunds) {
    listedRefunds.add(row.outRefundNo);
    const platform = refundsByNo.get(row.outRefundNo);
    const base = {
      reference: row.outRefundNo,
      outTradeNo: row.outTradeNo,
      providerTradeNo: row.providerTradeNo || null,
      outRefundNo: row.outRefundNo,
      providerAmountFen: row.amountFen,
      providerStatus: row.status,
    };
    if (platform === undefined) {
      found.push({
        ...base,
        kind: 'refund_missing_on_platform',
        ...owner(row.outTradeNo),
        platformAmountFen: null,
        platformStatus: null,
      });
      continue;
    }
    const known = {
      ...base,
      orderId: platform.orderId,
      institutionId: platform.institutionId,
      platformAmountFen: platform.amountFen,
      platformStatus: platform.status,
    };
    if (!refundStatusAgrees(platform.status, row.status))
      found.push({ ...known, kind: 'refund_status_differs' });
    else if (row.amountFen !== platform.amountFen) found.push({ ...known, kind: 'refund_amount_differs' });
  }
  for (const refund of input.refunds) {
    if (!refund.inDay || listedRefunds.has(refund.outRefundNo)) continue;
    found.push({
      kind: 'refund_missing_at_provider',
      reference: refund.outRefundNo,
      outTradeNo: refund.outTradeNo,
      providerTradeNo: null,
      outRefundNo: refund.outRefundNo,
      orderId: refund.orderId,
      institutionId: refund.institutionId,
      platformAmountFen: refund.amountFen,
      providerAmountFen: null,
      platformStatus: refund.status,
      providerStatus: null,
    });
  }
  return found;
}
