import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { securityApi } from '../api/security-api';
import { LOGIN_APPEAL_STATUSES, type LoginAppeal, type LoginAppealDecision } from '../api/types';
import { isUuid } from '../model/alert-filters';
import {
  loginAppealFiltersOf,
  loginAppealFiltersToParams,
  loginAppealQuery,
  QUEUE_PAGE_SIZE,
} from '../model/queue-filters';
import { PersonRef } from '../shared/PersonRef';
import { ScrollRegion } from '../shared/ScrollRegion';
import { SecurityNav } from '../shared/SecurityNav';
import { useFormatters } from '../shared/use-formatters';
import { useLabels } from '../shared/use-labels';
import { LoginAppealDecisionModal } from './LoginAppealDecisionModal';

interface FilterValues {
  status: string;
  account?: string;
}

/** /security/login-appeals: users' appeals of automated sign-in decisions, open first, each decided once. */
export function LoginAppealsPage() {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const labels = useLabels();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => loginAppealFiltersOf(params), [params]);
  const query = loginAppealQuery(filters);
  const appeals = useQuery({
    queryKey: ['security', 'login-appeals', query.toString()],
    queryFn: () => securityApi.loginAppeals(query),
  });
  const [deciding, setDeciding] = useState<LoginAppeal | null>(null);
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: LoginAppealDecision; reason: string }) =>
      securityApi.decideLoginAppeal(v.id, v.decision, v.reason),
    onSuccess: () => {
      setDeciding(null);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['security', 'login-appeals'] }),
  });
  return (
    <>
      <PageTitle>{t('loginAppeals.title')}</PageTitle>
      <SecurityNav />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={<h2 className="security-h2">{t('filters.title')}</h2>}>
          <Form<FilterValues>
            layout="inline"
            aria-label={t('loginAppeals.filtersLabel')}
            initialValues={{ status: filters.status ?? 'all', account: filters.account }}
            onFinish={(v) => {
              setParams(
                loginAppealFiltersToParams({
                  ...loginAppealFiltersOf(
                    new URLSearchParams({ status: v.status, account: v.account ?? '' }),
                  ),
                  page: 1,
                }),
              );
            }}
            style={{ rowGap: 12 }}
          >
            <Form.Item label={t('loginAppeals.fields.status')} name="status">
              <Select
                style={{ width: 160 }}
                options={[...LOGIN_APPEAL_STATUSES, 'all' as const].map((s) => ({
                  value: s,
                  label: t(`loginAppeals.status.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('filters.account')}
              name="account"
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    !value || isUuid(value.trim())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('loginAppeals.accountInvalid'))),
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
        <Card title={<h2 className="security-h2">{t('loginAppeals.listTitle')}</h2>}>
          <p role="status" aria-live="polite">
            {decide.isSuccess ? t(`loginAppeals.decided.${decide.data.status}`, { defaultValue: '' }) : ''}
          </p>
          <ErrorAlert error={appeals.error} namespace="security" onRetry={() => void appeals.refetch()} />
          <ScrollRegion label={t('loginAppeals.listTitle')}>
            <Table<LoginAppeal>
              rowKey="id"
              loading={appeals.isPending}
              dataSource={appeals.data?.items ?? []}
              locale={{ emptyText: t('loginAppeals.empty') }}
              pagination={{
                current: filters.page,
                pageSize: QUEUE_PAGE_SIZE,
                total: appeals.data?.total ?? 0,
                hideOnSinglePage: true,
                showSizeChanger: false,
                onChange: (page) => {
                  setParams(loginAppealFiltersToParams({ ...filters, page }));
                },
              }}
              columns={[
                {
                  title: t('loginAppeals.fields.filedAt'),
                  key: 'filed',
                  render: (_, a) => dateTime(a.createdAt),
                },
                {
                  title: t('loginAppeals.fields.account'),
                  key: 'user',
                  render: (_, a) => <PersonRef id={a.userId} />,
                },
                {
                  title: t('loginAppeals.fields.automated'),
                  key: 'automated',
                  render: (_, a) =>
                    a.automatedDecision === null
                      ? t('loginAppeals.assessmentGone')
                      : t('loginAppeals.automatedValue', {
                          decision: labels.decision(a.automatedDecision),
                          score: a.score ?? 0,
                        }),
                },
                { title: t('loginAppeals.fields.statement'), dataIndex: 'statement', key: 'statement' },
                {
                  title: t('loginAppeals.fields.status'),
                  key: 'status',
                  render: (_, a) =>
                    a.status === 'open'
                      ? t('loginAppeals.status.open')
                      : t('loginAppeals.decidedValue', {
                          status: t(`loginAppeals.status.${a.status}`),
                          reason: a.decisionReason ?? '',
                        }),
                },
                {
                  title: t('loginAppeals.fields.actions'),
                  key: 'actions',
                  render: (_, a) => (
                    <Space wrap>
                      <Link to={`/security/alerts/${a.reviewAlertId}`}>{t('loginAppeals.openAlert')}</Link>
                      {a.status === 'open' ? (
                        <Button
                          size="small"
                          onClick={() => {
                            decide.reset();
                            setDeciding(a);
                          }}
                        >
                          {t('loginAppeals.review')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
          </ScrollRegion>
        </Card>
      </Space>
      <LoginAppealDecisionModal
        appeal={deciding}
        busy={decide.isPending}
        error={decide.error}
        onCancel={() => {
          setDeciding(null);
        }}
        onDecide={(v) => {
          if (deciding) decide.mutate({ id: deciding.id, ...v });
        }}
      />
    </>
  );
}
