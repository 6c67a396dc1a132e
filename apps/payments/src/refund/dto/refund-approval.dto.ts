import { IsPlainText } from '@exam/platform';
import { IsString, Length } from 'class-validator';

import type { RefundEntity } from '../refund.entity';

export class RejectRefundDto {
  /** Why the refund is refused; kept on the refund and in the order's history. */
  @IsString() @IsPlainText() @Length(1, 200) reason!: string;
}

/** A refund with its approval trail: who asked, who decided, when and why. */
export class RefundApprovalDto {
  refundId!: string;
  orderId!: string;
  amountFen!: number;
  reason!: string;
  source!: string;
  /** pending_approval, rejected, or (approved) requested, processing, succeeded, failed. */
  status!: string;
  /** `user:<id>` of the staff member, `service:exam` or `provider:<name>`. */
  requestedBy!: string;
  createdAt!: string;
  /** `user:<id>` of the org_admin who approved or rejected it; null while it awaits approval. */
  decidedBy!: string | null;
  decidedAt!: string | null;
  /** The rejection's reason. */
  decisionReason!: string | null;
  failure!: string | null;
  settledAt!: string | null;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function toRefundApprovalDto(r: RefundEntity): RefundApprovalDto {
  return {
    refundId: r.id,
    orderId: r.orderId,
    amountFen: r.amountFen,
    reason: r.reason,
    source: r.source,
    status: r.status,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: iso(r.decidedAt),
    decisionReason: r.decisionReason,
    failure: r.failure,
    settledAt: iso(r.settledAt),
  };
}
