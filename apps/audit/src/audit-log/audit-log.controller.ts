import { Roles } from '@exam/platform';
import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';

import { AuditLogSearchService } from './audit-log-search.service';
import { ChainCheckpointService } from './chain-checkpoint.service';
import { ChainWatchService } from './chain-watch.service';
import { ChainVerificationDto, CheckpointDto } from './dto/chain-verification.dto';
import { LogEntryDto, LogPageDto, SearchLogQueryDto } from './dto/search-log.dto';

/** Chain verification for security staff. */
@Roles('security_analyst', 'platform_admin')
@Controller('chain')
export class AuditChainController {
  constructor(
    private readonly verifier: ChainWatchService,
    private readonly checkpoints: ChainCheckpointService,
  ) {}

  @Get('verify')
  async verify(): Promise<ChainVerificationDto> {
    return ChainVerificationDto.of(await this.verifier.verify());
  }

  /** Signs the current heads now instead of waiting for the next scheduled checkpoint. */
  @Post('checkpoints')
  @HttpCode(201)
  async checkpoint(): Promise<CheckpointDto[]> {
    return (await this.checkpoints.checkpointAll()).map((c) => CheckpointDto.of(c));
  }
}

const CSV_COLUMNS = [
  'occurredAt',
  'eventType',
  'producer',
  'userId',
  'actorId',
  'institutionId',
  'ip',
  'traceId',
  'stream',
  'seq',
  'hash',
  'attributes',
] as const;

function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Leading =,+,-,@ would run as a formula when a spreadsheet opens the export.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Security staff search the log (already free of personal data) and export what they found. */
@Roles('security_analyst', 'platform_admin')
@Controller('log')
export class AuditLogSearchController {
  constructor(private readonly search: AuditLogSearchService) {}

  @Get()
  async find(@Query() query: SearchLogQueryDto): Promise<LogPageDto> {
    const page = await this.search.search(query);
    return Object.assign(new LogPageDto(), {
      items: page.rows.map((r) => LogEntryDto.of(r)),
      next: page.next,
    });
  }

  /** CSV of one page (up to `limit`, max 1000 rows); page further with the `x-next-cursor` header. */
  @Get('export')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="audit-log.csv"')
  async export(@Query() query: SearchLogQueryDto): Promise<string> {
    const page = await this.search.search(query, query.limit ?? 1000);
    const lines = page.rows.map((row) => {
      const entry = LogEntryDto.of(row);
      return CSV_COLUMNS.map((column) => csvCell(entry[column])).join(',');
    });
    return `${[CSV_COLUMNS.join(','), ...lines].join('\n')}\n`;
  }
}
