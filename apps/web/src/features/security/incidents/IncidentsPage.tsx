import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { securityApi } from '../api/security-api';
import type { Incident } from '../api/types';
import { ScrollRegion } from '../shared/ScrollRegion';
import { SecurityPage } from '../shared/SecurityPage';
import { useFormatters } from '../shared/use-formatters';

/** /security/incidents: personal-information incidents recorded, newest first as the API lists them. */
export function IncidentsPage() {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const incidents = useQuery({ queryKey: ['security', 'incidents'], queryFn: securityApi.incidents });
  return (
    <SecurityPage title={t('incidents.title')}>
      <LinkButton to="/security/incidents/new" type="primary">
        {t('incidents.record')}
      </LinkButton>
      <Card title={<h2 className="security-h2">{t('incidents.listTitle')}</h2>}>
        <ErrorAlert error={incidents.error} namespace="security" />
        <ScrollRegion label={t('incidents.listTitle')}>
          <Table<Incident>
            rowKey="id"
            loading={incidents.isPending}
            dataSource={incidents.data ?? []}
            locale={{ emptyText: t('incidents.empty') }}
            columns={[
              {
                title: t('incidents.fields.title'),
                key: 'title',
                render: (_, i) => <Link to={`/security/incidents/${i.id}`}>{i.title}</Link>,
              },
              {
                title: t('incidents.fields.occurredAt'),
                key: 'occurred',
                render: (_, i) => dateTime(i.occurredAt),
              },
              {
                title: t('incidents.fields.discoveredAt'),
                key: 'discovered',
                render: (_, i) => dateTime(i.discoveredAt),
              },
              { title: t('incidents.fields.affectedUsers'), dataIndex: 'affectedUsers' },
              {
                title: t('incidents.fields.status'),
                key: 'status',
                render: (_, i) => t(`incidents.status.${i.status}`, { defaultValue: i.status }),
              },
              {
                title: t('incidents.fields.notified'),
                key: 'notified',
                render: (_, i) =>
                  i.notifiedAt
                    ? t('incidents.notifiedValue', { count: i.notifiedUsers })
                    : t('incidents.notNotified'),
              },
            ]}
          />
        </ScrollRegion>
      </Card>
    </SecurityPage>
  );
}
