import { IsPlainText, ToBool, ToInt } from '@exam/platform';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

import { type ProviderName, PROVIDERS } from '../../order/order.entity';
import { MISMATCH_KINDS, type MismatchKind } from '../domain/statement-comparison';
import { MISMATCH_STATUSES, type MismatchStatus } from '../statement-mismatch.entity';
import type { RunStatus } from '../statement-run.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'date must be a merchant day as YYYY-MM-DD';

export class ListMismatchesQueryDto {
  /** The merchant day (Asia/Shanghai), YYYY-MM-DD; not after today. */
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) date?: string;
  @IsOptional() @IsIn(PROVIDERS) provider?: ProviderName;
  @IsOptional() @IsIn(MISMATCH_KINDS) kind?: MismatchKind;
  @IsOptional() @IsIn(MISMATCH_STATUSES) status?: MismatchStatus;
  /** At most this many, newest day first (default 100). */
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(500) limit?: number;
}

export class PlatformListMismatchesQueryDto extends ListMismatchesQueryDto {
  /** Only this institution's. */
  @IsOptional() @IsUUID() institutionId?: string;
  /** Only provider trades that match no order of the platform (no institution). */
  @IsOptional() @ToBool() @IsBoolean() unowned?: boolean;
}

export class ResolveMismatchDto {
  /** What was found and done about it (kept with who and when). */
  @IsString() @IsPlainText() @Length(1, 500) note!: string;
}

export class TriggerRunDto {
  @IsIn(PROVIDERS) provider!: ProviderName;
  @Matches(DATE, { message: DATE_MESSAGE }) date!: string;
}

export class ListRunsQueryDto {
  @Matches(DATE, { message: DATE_MESSAGE }) date!: string;
}

export class StatementMismatchDto {
  mismatchId!: string;
  provider!: ProviderName;
  date!: string;
  kind!: MismatchKind;
  outTradeNo!: string;
  providerTradeNo!: string | null;
  outRefundNo!: string | null;
  orderId!: string | null;
  institutionId!: string | null;
  platformAmountFen!: number | null;
  providerAmountFen!: number | null;
  platformStatus!: string | null;
  providerStatus!: string | null;
  status!: MismatchStatus;
  resolutionNote!: string | null;
  resolvedBy!: string | null;
  resolvedAt!: string | null;
  detectedAt!: string;
}

export class StatementRunDto {
  runId!: string;
  provider!: ProviderName;
  date!: string;
  status!: RunStatus;
  triggeredBy!: string;
  startedAt!: string;
  finishedAt!: string | null;
  paymentsCount!: number;
  refundsCount!: number;
  mismatchesCount!: number;
  failure!: string | null;
}
