import { maskAddress, maskName, maskPhone } from '@exam/crypto';

import type { RefundEntity } from '../refund/refund.entity';
import { refundableFen } from './domain/money';
import type { OrderDetailDto, OrderRefundDto, OrderResponseDto } from './dto/order.dto';
import type { OrderEntity } from './order.entity';
import type { OrderDetail } from './orders.service';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function toOrderDto(o: OrderEntity): OrderResponseDto {
  return {
    orderId: o.id,
    institutionId: o.institutionId,
    kind: o.kind,
    registrationId: o.registrationId,
    description: o.description,
    amountFen: o.amountFen,
    currency: o.currency,
    status: o.status,
    provider: o.provider,
    paidFen: o.paidFen,
    refundedFen: o.refundedFen,
    refundableFen: refundableFen(o.paidFen, o.refundCommittedFen),
    contact:
      o.contactName === null
        ? null
        : {
            name: maskName(o.contactName),
            phone: maskPhone(o.contactPhone ?? ''),
            address: maskAddress(o.contactAddress ?? ''),
          },
    expiresAt: o.expiresAt.toISOString(),
    paidAt: iso(o.paidAt),
    createdAt: o.createdAt.toISOString(),
  };
}

export function toRefundDto(r: RefundEntity): OrderRefundDto {
  return {
    refundId: r.id,
    amountFen: r.amountFen,
    reason: r.reason,
    source: r.source,
    status: r.status,
    failure: r.failure,
    createdAt: r.createdAt.toISOString(),
    settledAt: iso(r.settledAt),
  };
}

export function toOrderDetailDto(detail: OrderDetail): OrderDetailDto {
  return Object.assign(toOrderDto(detail.order), {
    items: detail.items.map((i) => ({
      kind: i.kind,
      refId: i.refId,
      title: i.title,
      unitPriceFen: i.unitPriceFen,
      quantity: i.quantity,
      amountFen: i.amountFen,
    })),
    history: detail.history.map((t) => ({
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      cause: t.cause,
      actor: t.actor,
      note: t.note,
      at: t.at.toISOString(),
    })),
    refunds: detail.refunds.map(toRefundDto),
  });
}
