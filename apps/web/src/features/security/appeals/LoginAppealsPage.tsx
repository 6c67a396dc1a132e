import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { securityApi } from '../api/security-api';
import { LOGIN_APPEAL_STATUSES, type LoginAppeal, type LoginAppealDecision } from '../api/types';
import { loginAppealFiltersOf, loginAppealFiltersToParams, loginAppealQuery } from '../model/queue-filters';
import { PersonRef } from '../shared/PersonRef';
import { AccountFilter, ChoiceFilter, QueueFiltersCard } from '../shared/QueueFiltersCard';
import { QueueTableCard, serverPages } from '../shared/QueueTableCard';
import { SecurityPage } from '../shared/SecurityPage';
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
      <SecurityPage title={t('loginAppeals.title')}>
        <QueueFiltersCard<FilterValues>
          label={t('loginAppeals.filtersLabel')}
          initialValues={{ status: filters.status ?? 'all', account: filters.account }}
          onApply={(v) => {
            const raw = new URLSearchParams({ status: v.status, account: v.account ?? '' });
            setParams(loginAppealFiltersToParams({ ...loginAppealFiltersOf(raw), page: 1 }));
          }}
        >
          <ChoiceFilter
            name="status"
            label={t('loginAppeals.fields.status')}
            values={LOGIN_APPEAL_STATUSES}
            labelOf={(s) => t(`loginAppeals.status.${s}`)}
            width={160}
          />
          <AccountFilter invalidMessage={t('loginAppeals.accountInvalid')} />
        </QueueFiltersCard>
        <QueueTableCard<LoginAppeal>
          title={t('loginAppeals.listTitle')}
          announcement={
            decide.isSuccess ? t(`loginAppeals.decided.${decide.data.status}`, { defaultValue: '' }) : ''
          }
          query={appeals}
          rows={appeals.data?.items ?? []}
          empty={t('loginAppeals.empty')}
          pagination={serverPages(filters.page, appeals.data?.total ?? 0, (page) => {
            setParams(loginAppealFiltersToParams({ ...filters, page }));
          })}
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
      </SecurityPage>
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
