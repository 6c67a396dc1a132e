import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AuditEntryRow } from './audit-entry.row';
import type { SearchLogQueryDto } from './dto/search-log.dto';

export interface LogPage {
  readonly rows: AuditEntryRow[];
  readonly next: string | null;
}

/** Search over the chain's entries; newest first, keyset-paged on (occurred_at, stream, seq). */
@Injectable()
export class AuditLogSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: SearchLogQueryDto, limit = query.limit ?? 100): Promise<LogPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown): void => {
      where.push(clause);
      params.push(value);
    };
    if (query.userId !== undefined) add('subject_user_id = ?', query.userId);
    if (query.institutionId !== undefined) add('institution_id = ?', query.institutionId);
    if (query.eventType !== undefined) add('event_type = ?', query.eventType);
    if (query.from !== undefined) add('occurred_at >= ?', new Date(query.from).toISOString());
    if (query.to !== undefined) add('occurred_at < ?', new Date(query.to).toISOString());
    if (query.ip !== undefined) add('ip_masked = ?', `${query.ip.slice(0, query.ip.lastIndexOf('.'))}.*`);
    if (query.cursor !== undefined) {
      const [stream = '', seq = '0', ...rest] = query.cursor.split(':');
      const occurredAt = rest.join(':');
      where.push('(occurred_at, stream, seq) < (?, ?, ?)');
      params.push(occurredAt, stream, Number(seq));
    }
    const rows: AuditEntryRow[] = await this.dataSource.query(
      `SELECT * FROM audit_log_entries ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
       ORDER BY occurred_at DESC, stream DESC, seq DESC LIMIT ?`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      rows: page,
      next: rows.length > limit && last ? `${last.stream}:${Number(last.seq)}:${last.occurred_at}` : null,
    };
  }
}
