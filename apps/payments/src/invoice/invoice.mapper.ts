import { maskEmail, maskName } from '@exam/crypto';

import type { InvoiceResponseDto } from './dto/invoice.dto';
import type { InvoiceEntity } from './invoice.entity';

/** The one view of a request, for buyer and staff alike: a person's name and the email are masked. */
export function toInvoiceDto(i: InvoiceEntity): InvoiceResponseDto {
  return {
    invoiceId: i.id,
    orderId: i.orderId,
    institutionId: i.institutionId,
    titleType: i.titleType,
    title: i.title === null ? null : i.titleType === 'personal' ? maskName(i.title) : i.title,
    taxId: i.taxId,
    email: i.email === null ? null : maskEmail(i.email),
    amountFen: i.amountFen,
    status: i.status,
    invoiceNo: i.invoiceNo,
    issuedOn: i.issuedOn,
    rejectReason: i.rejectReason,
    reversal: i.reversalStatus,
    reversalInvoiceNo: i.reversalInvoiceNo,
    hasPdf: i.status === 'issued',
    erased: i.erasedAt !== null,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
