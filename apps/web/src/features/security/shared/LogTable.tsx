import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { LogEntry } from '../api/types';
import { PersonRef } from './PersonRef';
import { ScrollRegion } from './ScrollRegion';
import { useFormatters } from './use-formatters';
import { useLabels } from './use-labels';

/** The attributes worth reading at a glance (never free text: the log holds hashes of notes, not notes). */
const SHOWN_ATTRIBUTES = [
  'action',
  'reason',
  'outcome',
  'decision',
  'resolution',
  'alertId',
  'method',
  'severity',
];

function attributeSummary(entry: LogEntry, label: (name: string) => string): string {
  return SHOWN_ATTRIBUTES.filter((k) => typeof entry.attributes[k] === 'string')
    .map((k) => `${label(k)}: ${String(entry.attributes[k])}`)
    .join('; ');
}

/** Audit log entries: when, what, who did it, about whom, from where, and the entry's place in the chain. */
export function LogTable({ entries, loading }: { entries: LogEntry[]; loading: boolean }) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const { dateTime } = useFormatters();
  return (
    <ScrollRegion label={t('log.region')}>
      <Table<LogEntry>
        rowKey={(e) => `${e.stream}:${String(e.seq)}`}
        size="small"
        loading={loading}
        dataSource={entries}
        pagination={false}
        locale={{ emptyText: t('log.empty') }}
        columns={[
          { title: t('log.at'), key: 'at', render: (_, e) => dateTime(e.occurredAt) },
          {
            title: t('log.event'),
            key: 'event',
            render: (_, e) => (
              <>
                <div>{labels.eventType(e.eventType)}</div>
                <Typography.Text type="secondary" code>
                  {e.eventType}
                </Typography.Text>
              </>
            ),
          },
          { title: t('log.actor'), key: 'actor', render: (_, e) => <PersonRef id={e.actorId} /> },
          { title: t('log.subject'), key: 'subject', render: (_, e) => <PersonRef id={e.userId} /> },
          {
            title: t('log.details'),
            key: 'details',
            render: (_, e) => attributeSummary(e, labels.field) || t('none'),
          },
          { title: t('log.ip'), key: 'ip', render: (_, e) => e.ip ?? t('none') },
          { title: t('log.chain'), key: 'chain', render: (_, e) => `${e.stream} #${String(e.seq)}` },
        ]}
      />
    </ScrollRegion>
  );
}
