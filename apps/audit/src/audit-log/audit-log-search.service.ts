import { Injectable } from '@nestjs/common';

import type { AuditEntryRow } from './audit-entry.row';
import { AuditLogRepository, type LogSearchFilter } from './audit-log.repository';
import type { SearchLogQueryDto } from './dto/search-log.dto';

export interface LogPage {
  readonly rows: AuditEntryRow[];
  readonly next: string | null;
}

function cursorOf(cursor: string): NonNullable<LogSearchFilter['before']> {
  const [stream = '', seq = '0', ...rest] = cursor.split(':');
  return { occurredAt: rest.join(':'), stream, seq: Number(seq) };
}

/** Search over the chain's entries; newest first, keyset-paged on (occurred_at, stream, seq). */
@Injectable()
export class AuditLogSearchService {
  constructor(private readonly entries: AuditLogRepository) {}

  async search(query: SearchLogQueryDto, limit = query.limit ?? 100): Promise<LogPage> {
    const filter: LogSearchFilter = {
      ...(query.userId === undefined ? {} : { subjectUserId: query.userId }),
      ...(query.institutionId === undefined ? {} : { institutionId: query.institutionId }),
      ...(query.eventType === undefined ? {} : { eventType: query.eventType }),
      ...(query.from === undefined ? {} : { occurredFrom: new Date(query.from).toISOString() }),
      ...(query.to === undefined ? {} : { occurredTo: new Date(query.to).toISOString() }),
      ...(query.ip === undefined ? {} : { ipMasked: `${query.ip.slice(0, query.ip.lastIndexOf('.'))}.*` }),
      ...(query.cursor === undefined ? {} : { before: cursorOf(query.cursor) }),
    };
    const rows = await this.entries.search(filter, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      rows: page,
      next: rows.length > limit && last ? `${last.stream}:${Number(last.seq)}:${last.occurred_at}` : null,
    };
  }
}
