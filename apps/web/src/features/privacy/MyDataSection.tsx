import { Descriptions, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from './format-date';
import { OtherServicesData } from './OtherServicesData';
import { useMyData } from './use-my-data';

/** My data as the accounts service holds it, masked as the API returns it, then the other services on demand. */
export function MyDataSection() {
  const { t, i18n } = useTranslation('privacy');
  const data = useMyData();

  if (data.isPending) return <Skeleton active />;
  if (data.error)
    return <ErrorAlert error={data.error} namespace="privacy" onRetry={() => void data.refetch()} />;

  const { profile } = data.data;
  const orNone = (value: string | null) => value ?? t('myData.none');
  const status = t(`myData.statuses.${profile.status}`, { defaultValue: profile.status });
  const acceptances = data.data.policyAcceptances.map((a) => a.version).join('、');
  const pending = data.data.pendingContactChange;

  return (
    <>
      <Typography.Paragraph>{t('myData.intro')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'nickname', label: t('myData.nickname'), children: profile.nickname },
          { key: 'username', label: t('myData.username'), children: orNone(profile.username) },
          { key: 'phone', label: t('myData.phone'), children: orNone(profile.phone) },
          { key: 'email', label: t('myData.email'), children: orNone(profile.email) },
          { key: 'fullName', label: t('myData.fullName'), children: orNone(profile.fullName) },
          { key: 'status', label: t('myData.status'), children: status },
          {
            key: 'createdAt',
            label: t('myData.createdAt'),
            children: formatDateTime(profile.createdAt, i18n.language),
          },
        ]}
      />
      <h3 className="card-heading" style={{ marginTop: 16 }}>
        {t('myData.records')}
      </h3>
      <ul>
        <li>{t('myData.sessions', { count: data.data.sessions.length })}</li>
        <li>{t('myData.consentHistory', { count: data.data.consentHistory.length })}</li>
        <li>
          {acceptances ? t('myData.policyAcceptances', { versions: acceptances }) : t('myData.noAcceptances')}
        </li>
        <li>{t('myData.codes', { count: data.data.verificationCodes.length })}</li>
        <li>{t('myData.memberships', { count: data.data.memberships.length })}</li>
        <li>{t('myData.reveals', { count: data.data.personalDataReveals.length })}</li>
        <li>{t('myData.requests', { count: data.data.privacyRequests.length })}</li>
        {pending ? (
          <li>
            {t('myData.pendingContact', {
              kind: t(`myData.kinds.${pending.kind}`),
              value: pending.phone ?? pending.email ?? '',
            })}
          </li>
        ) : null}
      </ul>
      <h3 className="card-heading">{t('myData.otherServices')}</h3>
      <OtherServicesData />
    </>
  );
}
