import { IsPlainText } from '@exam/platform';
import {
  IsBase64,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

import {
  INVOICE_STATUSES,
  type InvoiceStatus,
  REVERSAL_STATUSES,
  type ReversalStatus,
  TITLE_TYPES,
  type TitleType,
} from '../domain/invoice-state';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const KEY_MESSAGE = 'idempotencyKey must be 8 to 64 letters, digits, - or _';
/** 8-digit numbers of paper-era invoices up to the 20 digits of 全电发票. */
const INVOICE_NO = /^\d{8,20}$/;
const INVOICE_NO_MESSAGE = 'must be the invoice number: 8 to 20 digits';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class RequestInvoiceDto {
  /** The client's key for this request: repeating it returns the same request. */
  @Matches(KEY_PATTERN, { message: KEY_MESSAGE }) idempotencyKey!: string;
  @IsIn(TITLE_TYPES) titleType!: TitleType;
  /** The person's name (personal) or the company's registered name (company). Stored encrypted. */
  @IsString() @IsPlainText() @Length(1, 100) title!: string;
  /** 统一社会信用代码, for a company title only (checked, with what to correct). */
  @IsOptional() @IsString() @Length(1, 32) taxId?: string;
  /** Where the electronic invoice is sent. Stored encrypted, shown masked. */
  @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254) email!: string;
}

export class IssueInvoiceDto {
  @Matches(INVOICE_NO, { message: `invoiceNo ${INVOICE_NO_MESSAGE}` }) invoiceNo!: string;
  /** The date on the invoice, YYYY-MM-DD; not in the future. */
  @Matches(DATE_ONLY, { message: 'issuedOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'issuedOn must be a real date, YYYY-MM-DD' })
  issuedOn!: string;
  /** The invoice PDF, base64 (at most 512 kB of PDF). */
  @IsString() @MaxLength(700_000) @IsBase64() pdfBase64!: string;
}

export class RejectInvoiceDto {
  /** Shown to the buyer: say what to correct. */
  @IsString() @IsPlainText() @Length(1, 200) reason!: string;
}

export class RecordReversalDto {
  /** The number of the red-letter (红字) invoice that reverses this one. */
  @Matches(INVOICE_NO, { message: `reversalInvoiceNo ${INVOICE_NO_MESSAGE}` }) reversalInvoiceNo!: string;
}

export class ListInvoicesQueryDto {
  @IsOptional() @IsIn(INVOICE_STATUSES) status?: InvoiceStatus;
  /** `required`: issued invoices a refund made wrong, waiting for their 红字 reversal. */
  @IsOptional() @IsIn(REVERSAL_STATUSES) reversal?: ReversalStatus;
  /** Requested on or after this day (YYYY-MM-DD, UTC). */
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'from must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date, YYYY-MM-DD' })
  from?: string;
  /** Requested on or before this day (YYYY-MM-DD, UTC). */
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'to must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date, YYYY-MM-DD' })
  to?: string;
}

export class InvoiceResponseDto {
  invoiceId!: string;
  orderId!: string;
  institutionId!: string;
  titleType!: TitleType;
  /** Masked for a personal title (a person's name); null once erased. */
  title!: string | null;
  taxId!: string | null;
  /** Always masked; null once erased. */
  email!: string | null;
  /** What the invoice is for: paid minus refunded, in fen, computed by the server. */
  amountFen!: number;
  status!: InvoiceStatus;
  invoiceNo!: string | null;
  issuedOn!: string | null;
  rejectReason!: string | null;
  /** `required` after a refund on an issued invoice; `done` once the 红字 invoice is recorded. */
  reversal!: ReversalStatus | null;
  reversalInvoiceNo!: string | null;
  /** Whether the issued PDF can be downloaded. */
  hasPdf!: boolean;
  erased!: boolean;
  createdAt!: string;
  updatedAt!: string;
}
