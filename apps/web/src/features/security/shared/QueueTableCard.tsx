import { Card, Table, type TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { QUEUE_PAGE_SIZE } from '../model/queue-filters';
import { ScrollRegion } from './ScrollRegion';

/** What a queue's table needs of its query: a react-query result, passed whole. */
export interface QueueQuery {
  error: unknown;
  isPending: boolean;
  refetch: () => Promise<unknown>;
}

/**
 * A staff queue's list: its heading, the failure in words with a retry, and the table in its own scroll
 * region. `announcement`, where given, is read out politely (the outcome of an action on a row).
 */
export function QueueTableCard<T extends { id: string }>({
  title,
  query,
  rows,
  empty,
  columns,
  pagination,
  announcement,
}: {
  title: string;
  query: QueueQuery;
  rows: T[];
  empty: string;
  columns: ColumnsType<T>;
  pagination: TablePaginationConfig;
  announcement?: string;
}) {
  return (
    <Card title={<h2 className="security-h2">{title}</h2>}>
      {announcement === undefined ? null : (
        <p role="status" aria-live="polite">
          {announcement}
        </p>
      )}
      <ErrorAlert error={query.error} namespace="security" onRetry={() => void query.refetch()} />
      <ScrollRegion label={title}>
        <Table<T>
          rowKey="id"
          loading={query.isPending}
          dataSource={rows}
          locale={{ emptyText: empty }}
          pagination={pagination}
          columns={columns}
        />
      </ScrollRegion>
    </Card>
  );
}

/** Pages the server counts (`total`), QUEUE_PAGE_SIZE rows each; `onPage` writes the page to the address. */
export function serverPages(
  current: number,
  total: number,
  onPage: (page: number) => void,
): TablePaginationConfig {
  return {
    current,
    pageSize: QUEUE_PAGE_SIZE,
    total,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange: onPage,
  };
}
