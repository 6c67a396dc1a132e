import { useQuery } from '@tanstack/react-query';
import { Collapse, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from './format-date';
import { privacyApi } from './privacy-api';

/**
 * What the other services hold about me, one panel each, asked only when the person opens it (antd mounts a
 * panel's content on first opening): the page itself stays one request.
 */
export function OtherServicesData() {
  const { t } = useTranslation('privacy');
  return (
    <>
      <Typography.Paragraph>{t('myData.otherServicesHint')}</Typography.Paragraph>
      <Collapse
        items={[
          { key: 'realName', label: t('myData.realName'), children: <RealName /> },
          { key: 'exams', label: t('myData.exams'), children: <ExamRegistrations /> },
          { key: 'orders', label: t('myData.orders'), children: <Orders /> },
          { key: 'signIns', label: t('myData.signIns'), children: <SignIns /> },
        ]}
      />
    </>
  );
}

function RealName() {
  const { t, i18n } = useTranslation('privacy');
  const query = useQuery({ queryKey: ['privacy', 'real-name'], queryFn: privacyApi.realName, retry: false });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (query.error instanceof ApiError && query.error.code === 'IDENTITY.REAL_NAME_NOT_VERIFIED')
    return <Typography.Paragraph>{t('myData.realNameNone')}</Typography.Paragraph>;
  if (query.error) return <ErrorAlert error={query.error} namespace="privacy" />;
  return (
    <Typography.Paragraph>
      {t('myData.realNameVerified', {
        name: query.data.maskedName,
        id: query.data.maskedIdNumber,
        date: formatDate(query.data.verifiedAt, i18n.language),
      })}
    </Typography.Paragraph>
  );
}

function ExamRegistrations() {
  const { t } = useTranslation('privacy');
  const query = useQuery({
    queryKey: ['privacy', 'exam-registrations'],
    queryFn: privacyApi.examRegistrations,
  });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (query.error) return <ErrorAlert error={query.error} namespace="privacy" />;
  return (
    <Typography.Paragraph>
      {t('myData.examsCount', { count: query.data })} <Link to="/my/exams">{t('myData.exams')}</Link>
    </Typography.Paragraph>
  );
}

function Orders() {
  const { t } = useTranslation('privacy');
  const query = useQuery({ queryKey: ['privacy', 'orders'], queryFn: privacyApi.paymentOrders });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (query.error) return <ErrorAlert error={query.error} namespace="privacy" />;
  return <Typography.Paragraph>{t('myData.ordersCount', { count: query.data })}</Typography.Paragraph>;
}

function SignIns() {
  const { t, i18n } = useTranslation('privacy');
  const query = useQuery({ queryKey: ['privacy', 'sign-ins'], queryFn: privacyApi.signInRecords });
  if (query.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (query.error) return <ErrorAlert error={query.error} namespace="privacy" />;
  const latest = query.data.at(0);
  return (
    <>
      <Typography.Paragraph>{t('myData.signInsCount', { count: query.data.length })}</Typography.Paragraph>
      {latest ? (
        <Typography.Paragraph>
          {t('myData.signInsLatest', {
            date: formatDateTime(latest.attemptedAt, i18n.language),
            ip: latest.ip,
          })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
