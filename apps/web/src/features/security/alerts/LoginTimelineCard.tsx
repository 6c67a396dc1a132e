import { useQuery } from '@tanstack/react-query';
import { Card, Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { securityApi } from '../api/security-api';
import { loginTimeline, type TimelineRow } from '../model/login-timeline';
import { ScrollRegion } from '../shared/ScrollRegion';
import { useFormatters } from '../shared/use-formatters';
import { useLabels } from '../shared/use-labels';

const OUTCOME_COLOURS: Record<string, string> = {
  success: 'green',
  failure: 'orange',
  locked: 'red',
  step_up_required: 'blue',
};

/** The account's recent sign-in attempts from the audit log: outcome, decision, device changes, failures. */
export function LoginTimelineCard({ userId }: { userId: string }) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const { dateTime } = useFormatters();
  const query = new URLSearchParams({ userId, eventType: 'accounts.login.attempted', limit: '50' });
  const log = useQuery({
    queryKey: ['security', 'log', query.toString()],
    queryFn: () => securityApi.log(query),
  });
  const timeline = loginTimeline(log.data?.items ?? []);
  return (
    <Card title={<h2 className="security-h2">{t('timeline.title')}</h2>}>
      <ErrorAlert error={log.error} namespace="security" />
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('timeline.failures')} value={timeline.failures} />
        <Statistic title={t('timeline.successes')} value={timeline.successes} />
        <Statistic title={t('timeline.devices')} value={timeline.devices} />
      </Space>
      <ScrollRegion label={t('timeline.title')}>
        <Table<TimelineRow>
          rowKey="key"
          size="small"
          loading={log.isPending}
          dataSource={timeline.rows}
          pagination={false}
          locale={{ emptyText: t('timeline.empty') }}
          columns={[
            { title: t('timeline.at'), key: 'at', render: (_, r) => dateTime(r.at) },
            {
              title: t('timeline.outcome'),
              key: 'outcome',
              render: (_, r) => (
                <Tag color={OUTCOME_COLOURS[r.outcome] ?? 'default'}>{labels.outcome(r.outcome)}</Tag>
              ),
            },
            {
              title: t('timeline.decision'),
              key: 'decision',
              render: (_, r) =>
                r.decision === null ? t('none') : `${labels.decision(r.decision)} (${String(r.score ?? 0)})`,
            },
            {
              title: t('timeline.rules'),
              key: 'rules',
              render: (_, r) =>
                r.rulesFired.length === 0 ? t('none') : r.rulesFired.map(labels.rule).join('、'),
            },
            {
              title: t('timeline.device'),
              key: 'device',
              render: (_, r) => (
                <Space wrap size={4}>
                  <code>{r.deviceRef ?? t('none')}</code>
                  {r.newDevice ? <Tag color="purple">{t('timeline.newDevice')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('timeline.ip'), key: 'ip', render: (_, r) => r.ip ?? t('none') },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
