import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

import { type AuditEntryRow, entryFromRow } from '../audit-entry.row';

export class SearchLogQueryDto {
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @IsUUID() institutionId?: string;
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]+(\.[a-z_]+){1,2}$/, { message: 'eventType must look like accounts.login.attempted' })
  eventType?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  /** An IPv4 address or /24 (`203.0.113.7`, `203.0.113.*`): matched on the stored /24. */
  @IsOptional()
  @Matches(/^(\d{1,3}\.){3}(\d{1,3}|\*)$/, {
    message: 'ip must be an IPv4 address or a /24 like 203.0.113.*',
  })
  ip?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  /** Keyset paging: the `next` cursor of the previous page. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,31}:\d+:[0-9T:.Z-]+$/, {
    message: 'cursor must be the next value of a previous page',
  })
  cursor?: string;
}

export class LogEntryDto {
  stream!: string;
  seq!: number;
  eventId!: string;
  eventType!: string;
  producer!: string;
  occurredAt!: string;
  recordedAt!: string;
  traceId!: string;
  userId!: string | null;
  actorId!: string | null;
  institutionId!: string | null;
  /** Already masked to /24 when written; the full address never reaches the log. */
  ip!: string | null;
  attributes!: Record<string, unknown>;
  hash!: string;

  /** Through the chain's own row reader, so a tampered (unparseable) row is still listed, never a 500. */
  static of(row: AuditEntryRow): LogEntryDto {
    const { subjectUserId, ipMasked, prevHash: _prevHash, ...entry } = entryFromRow(row);
    return Object.assign(new LogEntryDto(), { ...entry, userId: subjectUserId, ip: ipMasked });
  }
}

export class LogPageDto {
  items!: LogEntryDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next!: string | null;
}
