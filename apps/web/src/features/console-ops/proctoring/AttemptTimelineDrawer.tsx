import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { EmptyText } from '../shared/EmptyText';
import { formatDateTime, formatTime } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { getTimeline, type TimelineEntry } from './proctoring-api';
import { formatRemaining } from './remaining-time';
import { entryDetail } from './timeline-text';

interface Props {
  institutionId: string;
  attemptId: string;
  who: string;
  onClose: () => void;
}

/** One attempt's events in time order (start, proctoring reports, staff actions, submission), kept fresh. */
export function AttemptTimelineDrawer({ institutionId, attemptId, who, onClose }: Props) {
  const { t, i18n } = useTranslation('consoleOps');
  const timeline = useQuery({
    queryKey: ['consoleOps', 'timeline', institutionId, attemptId],
    queryFn: () => getTimeline(institutionId, attemptId),
    refetchInterval: 5_000,
  });
  const attempt = timeline.data?.attempt;
  return (
    <Drawer open title={t('timeline.title', { who })} onClose={onClose} size="min(560px, 100vw)">
      <ErrorAlert error={timeline.error} namespace="consoleOps" />
      {attempt && timeline.data ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'state', label: t('board.state'), children: t(`state.${timeline.data.state}`) },
            {
              key: 'started',
              label: t('timeline.started'),
              children: formatDateTime(attempt.startedAt, i18n.language),
            },
            {
              key: 'deadline',
              label: t('timeline.deadline'),
              children: formatDateTime(attempt.deadline, i18n.language),
            },
            { key: 'left', label: t('board.remaining'), children: formatRemaining(attempt.remainingSeconds) },
            { key: 'answered', label: t('board.answered'), children: attempt.answered },
            {
              key: 'saved',
              label: t('board.lastSaved'),
              children: formatDateTime(attempt.lastSavedAt, i18n.language),
            },
          ]}
        />
      ) : null}
      <ScrollTable label={t('timeline.title', { who })}>
        <Table<TimelineEntry>
          style={{ marginTop: 16 }}
          size="small"
          loading={timeline.isPending}
          rowKey={(e) => `${e.at}-${e.source}-${e.type}`}
          dataSource={timeline.data?.entries ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('timeline.empty')}</EmptyText> }}
          columns={[
            {
              title: t('timeline.at'),
              dataIndex: 'at',
              render: (at: string) => formatTime(at, i18n.language),
            },
            {
              title: t('timeline.source'),
              dataIndex: 'source',
              render: (source: string) => t(`timeline.sources.${source}`),
            },
            {
              title: t('timeline.event'),
              dataIndex: 'type',
              render: (type: string) => t(`timeline.types.${type}`, { defaultValue: type }),
            },
            {
              title: t('timeline.detail'),
              key: 'detail',
              render: (_: unknown, entry) => entryDetail(entry, t, i18n.language),
            },
          ]}
        />
      </ScrollTable>
    </Drawer>
  );
}
