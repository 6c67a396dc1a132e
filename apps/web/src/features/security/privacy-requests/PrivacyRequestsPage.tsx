import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { securityApi } from '../api/security-api';
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES, type StaffPrivacyRequest } from '../api/types';
import {
  deadlineStandingOf,
  privacyRequestFiltersOf,
  privacyRequestFiltersToParams,
  privacyRequestQuery,
} from '../model/queue-filters';
import { PersonRef } from '../shared/PersonRef';
import { AccountFilter, ChoiceFilter, QueueFiltersCard } from '../shared/QueueFiltersCard';
import { QueueTableCard, serverPages } from '../shared/QueueTableCard';
import { SecurityPage } from '../shared/SecurityPage';
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
    <SecurityPage title={t('privacyRequests.title')}>
      <Alert type="info" showIcon title={t('privacyRequests.intro')} />
      <QueueFiltersCard<FilterValues>
        label={t('privacyRequests.filtersLabel')}
        initialValues={{
          kind: filters.kind ?? 'all',
          status: filters.status ?? 'all',
          overdueOnly: filters.overdueOnly,
          account: filters.account,
        }}
        onApply={(v) => {
          const raw = new URLSearchParams({
            kind: v.kind,
            status: v.status,
            account: v.account?.trim() ?? '',
          });
          if (v.overdueOnly) raw.set('overdue', '1');
          setParams(privacyRequestFiltersToParams(privacyRequestFiltersOf(raw)));
        }}
      >
        <ChoiceFilter
          name="kind"
          label={t('privacyRequests.fields.kind')}
          values={PRIVACY_REQUEST_KINDS}
          labelOf={(k) => t(`privacyRequests.kind.${k}`)}
          width={160}
        />
        <ChoiceFilter
          name="status"
          label={t('privacyRequests.fields.status')}
          values={PRIVACY_REQUEST_STATUSES}
          labelOf={(s) => t(`privacyRequests.status.${s}`)}
          width={160}
        />
        <Form.Item name="overdueOnly" valuePropName="checked">
          <Checkbox>{t('privacyRequests.overdueOnly')}</Checkbox>
        </Form.Item>
        <AccountFilter invalidMessage={t('privacyRequests.accountInvalid')} />
      </QueueFiltersCard>
      <QueueTableCard<StaffPrivacyRequest>
        title={t('privacyRequests.listTitle')}
        query={requests}
        rows={requests.data?.items ?? []}
        empty={t('privacyRequests.empty')}
        pagination={serverPages(filters.page, requests.data?.total ?? 0, (page) => {
          setParams(privacyRequestFiltersToParams({ ...filters, page }));
        })}
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
    </SecurityPage>
  );
}
