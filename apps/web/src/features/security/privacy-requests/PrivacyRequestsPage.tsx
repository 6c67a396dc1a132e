import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { securityApi } from '../api/security-api';
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES, type StaffPrivacyRequest } from '../api/types';
import { isUuid } from '../model/alert-filters';
import {
  deadlineStandingOf,
  privacyRequestFiltersOf,
  privacyRequestFiltersToParams,
  privacyRequestQuery,
  QUEUE_PAGE_SIZE,
} from '../model/queue-filters';
import { PersonRef } from '../shared/PersonRef';
import { ScrollRegion } from '../shared/ScrollRegion';
import { SecurityNav } from '../shared/SecurityNav';
import { useFormatters } from '../shared/use-formatters';

interface FilterValues {
  kind: string;
  status: string;
  overdueOnly: boolean;
  account?: string;
}

/**
 * /security/privacy-requests: data subjects' requests (copy of their data, account cancellation) against the
 * 15-day deadline, overdue first. Platform admins only; nothing to decide: accounts answers them at once.
 */
export function PrivacyRequestsPage() {
  const { t } = useTranslation('security');
  const { dateTime, duration } = useFormatters();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => privacyRequestFiltersOf(params), [params]);
  const query = privacyRequestQuery(filters);
  const requests = useQuery({
    queryKey: ['security', 'privacy-requests', query.toString()],
    queryFn: () => securityApi.privacyRequests(query),
  });
  const deadline = (r: StaffPrivacyRequest) => {
    const standing = deadlineStandingOf(r);
    const text =
      standing === 'overdue' || standing === 'due'
        ? t(`privacyRequests.standing.${standing}`, { time: duration(r.secondsLeft ?? 0) })
        : t(`privacyRequests.standing.${standing}`);
    return standing === 'overdue' || standing === 'completedLate' ? <Tag color="error">{text}</Tag> : text;
  };
  return (
    <>
      <PageTitle>{t('privacyRequests.title')}</PageTitle>
      <SecurityNav />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('privacyRequests.intro')} />
        <Card title={<h2 className="security-h2">{t('filters.title')}</h2>}>
          <Form<FilterValues>
            layout="inline"
            aria-label={t('privacyRequests.filtersLabel')}
            initialValues={{
              kind: filters.kind ?? 'all',
              status: filters.status ?? 'all',
              overdueOnly: filters.overdueOnly,
              account: filters.account,
            }}
            onFinish={(v) => {
              const raw = new URLSearchParams({
                kind: v.kind,
                status: v.status,
                account: v.account?.trim() ?? '',
              });
              if (v.overdueOnly) raw.set('overdue', '1');
              setParams(privacyRequestFiltersToParams(privacyRequestFiltersOf(raw)));
            }}
            style={{ rowGap: 12 }}
          >
            <Form.Item label={t('privacyRequests.fields.kind')} name="kind">
              <Select
                style={{ width: 160 }}
                options={[...PRIVACY_REQUEST_KINDS, 'all' as const].map((k) => ({
                  value: k,
                  label: t(`privacyRequests.kind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('privacyRequests.fields.status')} name="status">
              <Select
                style={{ width: 160 }}
                options={[...PRIVACY_REQUEST_STATUSES, 'all' as const].map((s) => ({
                  value: s,
                  label: t(`privacyRequests.status.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="overdueOnly" valuePropName="checked">
              <Checkbox>{t('privacyRequests.overdueOnly')}</Checkbox>
            </Form.Item>
            <Form.Item
              label={t('filters.account')}
              name="account"
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    !value || isUuid(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('privacyRequests.accountInvalid'))),
                },
              ]}
            >
              <Input style={{ width: 320, maxWidth: '100%' }} spellCheck={false} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('filters.apply')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <Card title={<h2 className="security-h2">{t('privacyRequests.listTitle')}</h2>}>
          <ErrorAlert error={requests.error} namespace="security" onRetry={() => void requests.refetch()} />
          <ScrollRegion label={t('privacyRequests.listTitle')}>
            <Table<StaffPrivacyRequest>
              rowKey="id"
              loading={requests.isPending}
              dataSource={requests.data?.items ?? []}
              locale={{ emptyText: t('privacyRequests.empty') }}
              pagination={{
                current: filters.page,
                pageSize: QUEUE_PAGE_SIZE,
                total: requests.data?.total ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: false,
                onChange: (page) => {
                  setParams(privacyRequestFiltersToParams({ ...filters, page }));
                },
              }}
              columns={[
                {
                  title: t('privacyRequests.fields.kind'),
                  key: 'kind',
                  render: (_, r) => t(`privacyRequests.kind.${r.kind}`, { defaultValue: r.kind }),
                },
                {
                  title: t('privacyRequests.fields.account'),
                  key: 'user',
                  render: (_, r) => <PersonRef id={r.userId} />,
                },
                {
                  title: t('privacyRequests.fields.requestedAt'),
                  key: 'requested',
                  render: (_, r) => dateTime(r.requestedAt),
                },
                {
                  title: t('privacyRequests.fields.deadlineAt'),
                  key: 'deadline-at',
                  render: (_, r) => dateTime(r.deadlineAt),
                },
                {
                  title: t('privacyRequests.fields.status'),
                  key: 'status',
                  render: (_, r) => t(`privacyRequests.status.${r.status}`, { defaultValue: r.status }),
                },
                {
                  title: t('privacyRequests.fields.completedAt'),
                  key: 'completed',
                  render: (_, r) => dateTime(r.completedAt),
                },
                {
                  title: t('privacyRequests.fields.deadline'),
                  key: 'standing',
                  render: (_, r) => deadline(r),
                },
              ]}
            />
          </ScrollRegion>
        </Card>
      </Space>
    </>
  );
}
