import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AlertDetail } from '../api/types';
import { PersonRef } from '../shared/PersonRef';
import { SeverityTag } from '../shared/SeverityTag';
import { useFormatters } from '../shared/use-formatters';
import { useLabels } from '../shared/use-labels';
import { SlaCell } from './SlaCell';

/** The alert at a glance: severity, status, subject, rules, occurrences and the clock. */
export function AlertSummary({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const { dateTime } = useFormatters();
  const items = [
    { key: 'severity', label: t('detail.severity'), children: <SeverityTag severity={alert.severity} /> },
    { key: 'status', label: t('detail.status'), children: labels.status(alert.status) },
    { key: 'score', label: t('detail.score'), children: alert.score },
    {
      key: 'subject',
      label: t('detail.subject'),
      children: alert.userId ? (
        <code>{alert.userId}</code>
      ) : (
        t(`subjectKind.${alert.subjectKind}`, { defaultValue: alert.subjectKind })
      ),
    },
    {
      key: 'rules',
      label: t('detail.rules'),
      children: alert.rulesFired.length === 0 ? t('none') : alert.rulesFired.map(labels.rule).join('、'),
    },
    {
      key: 'occurrences',
      label: t('detail.occurrences'),
      children: t('detail.occurrencesValue', {
        count: alert.occurrences,
        first: dateTime(alert.firstSeenAt),
        last: dateTime(alert.lastSeenAt),
      }),
    },
    { key: 'created', label: t('detail.created'), children: dateTime(alert.createdAt) },
    { key: 'sla', label: t('detail.sla'), children: <SlaCell alert={alert} /> },
    { key: 'assignee', label: t('detail.assignee'), children: <PersonRef id={alert.assigneeId} /> },
    {
      key: 'institutions',
      label: t('detail.institutions'),
      children: alert.institutionIds.length === 0 ? t('none') : alert.institutionIds.join(', '),
    },
    ...(alert.resolution
      ? [
          {
            key: 'resolution',
            label: t('detail.resolution'),
            children: `${t(`resolution.${alert.resolution}`)} — ${alert.resolutionNote ?? ''}`,
          },
        ]
      : []),
  ];
  return (
    <Card title={<h2 className="security-h2">{t('detail.summary')}</h2>}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
