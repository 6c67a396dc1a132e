import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { securityApi } from '../api/security-api';
import { REAL_NAME_APPEAL_KINDS, REAL_NAME_APPEAL_STATUSES, type RealNameAppeal } from '../api/types';
import {
  type AppealFilters,
  appealFiltersOf,
  appealFiltersToParams,
  appealsShown,
} from '../model/real-name-appeals';
import { PersonRef } from '../shared/PersonRef';
import { ScrollRegion } from '../shared/ScrollRegion';
import { SecurityNav } from '../shared/SecurityNav';
import { useFormatters } from '../shared/use-formatters';

interface FilterValues {
  status: string;
  kind: string;
}

/** /security/real-name-appeals: appeals against real-name decisions, oldest first, for platform admins. */
export function RealNameAppealsPage() {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters = appealFiltersOf(params);
  const appeals = useQuery({
    queryKey: ['security', 'real-name-appeals', filters.status ?? 'all'],
    queryFn: () => securityApi.realNameAppeals(filters.status),
  });
  const shown = appealsShown(appeals.data ?? [], filters);
  const apply = (values: FilterValues) => {
    const next: AppealFilters = appealFiltersOf(
      new URLSearchParams({ status: values.status, kind: values.kind }),
    );
    setParams(appealFiltersToParams(next));
  };
  return (
    <>
      <PageTitle>{t('realNameAppeals.title')}</PageTitle>
      <SecurityNav />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 className="security-h2">{t('filters.title')}</h2>}>
          <Form<FilterValues>
            layout="inline"
            aria-label={t('realNameAppeals.filtersLabel')}
            initialValues={{ status: filters.status ?? 'all', kind: filters.kind ?? 'all' }}
            onFinish={apply}
            style={{ rowGap: 12 }}
          >
            <Form.Item label={t('realNameAppeals.fields.status')} name="status">
              <Select
                style={{ width: 160 }}
                options={[...REAL_NAME_APPEAL_STATUSES, 'all' as const].map((s) => ({
                  value: s,
                  label: t(`realNameAppeals.status.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('realNameAppeals.fields.kind')} name="kind">
              <Select
                style={{ width: 200 }}
                options={[...REAL_NAME_APPEAL_KINDS, 'all' as const].map((k) => ({
                  value: k,
                  label: t(`realNameAppeals.kind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('filters.apply')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <Card title={<h2 className="security-h2">{t('realNameAppeals.listTitle')}</h2>}>
          <ErrorAlert error={appeals.error} namespace="security" onRetry={() => void appeals.refetch()} />
          <ScrollRegion label={t('realNameAppeals.listTitle')}>
            <Table<RealNameAppeal>
              rowKey="id"
              loading={appeals.isPending}
              dataSource={shown}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('realNameAppeals.empty') }}
              columns={[
                {
                  title: t('realNameAppeals.fields.kind'),
                  key: 'kind',
                  render: (_, a) => (
                    <Link to={`/security/real-name-appeals/${a.id}`}>
                      {t(`realNameAppeals.kind.${a.kind}`)}
                    </Link>
                  ),
                },
                {
                  title: t('realNameAppeals.fields.filedAt'),
                  key: 'filed',
                  render: (_, a) => dateTime(a.createdAt),
                },
                {
                  title: t('realNameAppeals.fields.account'),
                  key: 'user',
                  render: (_, a) => <PersonRef id={a.userId} />,
                },
                {
                  title: t('realNameAppeals.fields.idNumber'),
                  key: 'id-number',
                  render: (_, a) => a.maskedIdNumber ?? t('none'),
                },
                {
                  title: t('realNameAppeals.fields.status'),
                  key: 'status',
                  render: (_, a) => t(`realNameAppeals.status.${a.status}`, { defaultValue: a.status }),
                },
              ]}
            />
          </ScrollRegion>
        </Card>
      </Space>
    </>
  );
}
