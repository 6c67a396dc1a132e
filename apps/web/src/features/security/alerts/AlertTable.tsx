import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Alert } from '../api/types';
import { ageSeconds } from '../model/sla';
import { PersonRef } from '../shared/PersonRef';
import { ScrollRegion } from '../shared/ScrollRegion';
import { SeverityTag } from '../shared/SeverityTag';
import { useFormatters } from '../shared/use-formatters';
import { useLabels } from '../shared/use-labels';
import { SlaCell } from './SlaCell';

interface Props {
  alerts: Alert[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  selected: string[];
  me: string;
  onSelect: (ids: string[]) => void;
  onPage: (page: number, pageSize: number) => void;
  onAssignToMe: (alert: Alert) => void;
  assigning: string | null;
}

/** The queue: what, about whom, how often, how old, the SLA clock and who has it. */
export function AlertTable(props: Props) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const { dateTime, duration } = useFormatters();
  const now = new Date();
  const columns: TableColumnsType<Alert> = [
    {
      title: t('queue.alert'),
      key: 'alert',
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/security/alerts/${a.id}`}>{labels.rule(a.cause)}</Link>
          <SeverityTag severity={a.severity} />
        </Space>
      ),
    },
    {
      title: t('queue.subject'),
      key: 'subject',
      render: (_, a) =>
        a.userId ? (
          <PersonRef id={a.userId} />
        ) : (
          t(`subjectKind.${a.subjectKind}`, { defaultValue: a.subjectKind })
        ),
    },
    { title: t('queue.status'), key: 'status', render: (_, a) => labels.status(a.status) },
    {
      title: t('queue.occurrences'),
      key: 'occurrences',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{t('queue.times', { count: a.occurrences })}</span>
          {a.occurrences > 1 ? (
            <Typography.Text type="secondary">
              {t('queue.seen', { first: dateTime(a.firstSeenAt), last: dateTime(a.lastSeenAt) })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('queue.age'),
      key: 'age',
      render: (_, a) => (
        <span title={dateTime(a.createdAt)}>
          {t('queue.ago', { age: duration(ageSeconds(a.createdAt, now)) })}
        </span>
      ),
    },
    { title: t('queue.sla'), key: 'sla', render: (_, a) => <SlaCell alert={a} /> },
    {
      title: t('queue.assignee'),
      key: 'assignee',
      render: (_, a) =>
        a.assigneeId === props.me ? (
          <Tag color="green">{t('me')}</Tag>
        ) : (
          <Space wrap>
            {a.assigneeId ? <PersonRef id={a.assigneeId} /> : <span>{t('queue.unassigned')}</span>}
            {a.status.startsWith('resolved') ? null : (
              <Button
                size="small"
                loading={props.assigning === a.id}
                aria-label={t('queue.assignToMeFor', { alert: labels.rule(a.cause), id: a.id.slice(0, 8) })}
                onClick={() => {
                  props.onAssignToMe(a);
                }}
              >
                {t('queue.assignToMe')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return (
    <ScrollRegion label={t('queue.listTitle')}>
      <Table<Alert>
        rowKey="id"
        columns={columns}
        dataSource={props.alerts}
        loading={props.loading}
        rowSelection={{
          selectedRowKeys: props.selected,
          onChange: (keys) => {
            props.onSelect(keys.map(String));
          },
          getCheckboxProps: (a) => ({
            disabled: a.status !== 'new',
            'aria-label': t('queue.select', { alert: labels.rule(a.cause), id: a.id.slice(0, 8) }),
          }),
        }}
        pagination={{
          current: props.page,
          pageSize: props.pageSize,
          total: props.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('queue.total', { count: total }),
          onChange: props.onPage,
        }}
        locale={{ emptyText: t('queue.empty') }}
      />
    </ScrollRegion>
  );
}
