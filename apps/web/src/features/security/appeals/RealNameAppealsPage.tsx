import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { securityApi } from '../api/security-api';
import { REAL_NAME_APPEAL_KINDS, REAL_NAME_APPEAL_STATUSES, type RealNameAppeal } from '../api/types';
import { appealFiltersOf, appealFiltersToParams, appealsShown } from '../model/real-name-appeals';
import { PersonRef } from '../shared/PersonRef';
import { ChoiceFilter, QueueFiltersCard } from '../shared/QueueFiltersCard';
import { QueueTableCard } from '../shared/QueueTableCard';
import { SecurityPage } from '../shared/SecurityPage';
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
  return (
    <SecurityPage title={t('realNameAppeals.title')}>
      <QueueFiltersCard<FilterValues>
        label={t('realNameAppeals.filtersLabel')}
        initialValues={{ status: filters.status ?? 'all', kind: filters.kind ?? 'all' }}
        onApply={(v) => {
          const raw = new URLSearchParams({ status: v.status, kind: v.kind });
          setParams(appealFiltersToParams(appealFiltersOf(raw)));
        }}
      >
        <ChoiceFilter
          name="status"
          label={t('realNameAppeals.fields.status')}
          values={REAL_NAME_APPEAL_STATUSES}
          labelOf={(s) => t(`realNameAppeals.status.${s}`)}
          width={160}
        />
        <ChoiceFilter
          name="kind"
          label={t('realNameAppeals.fields.kind')}
          values={REAL_NAME_APPEAL_KINDS}
          labelOf={(k) => t(`realNameAppeals.kind.${k}`)}
          width={200}
        />
      </QueueFiltersCard>
      <QueueTableCard<RealNameAppeal>
        title={t('realNameAppeals.listTitle')}
        query={appeals}
        rows={appealsShown(appeals.data ?? [], filters)}
        empty={t('realNameAppeals.empty')}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('realNameAppeals.fields.kind'),
            key: 'kind',
            render: (_, a) => (
              <Link to={`/security/real-name-appeals/${a.id}`}>{t(`realNameAppeals.kind.${a.kind}`)}</Link>
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
    </SecurityPage>
  );
}
