import { Alert, Card, Descriptions, Result, Skeleton, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useMyOrders, useNotice, useRegistration } from '../api/hooks';
import { examKeys } from '../api/query-keys';
import type { Order, Registration } from '../api/types';
import { formatDateTime } from '../logic/dates';
import { formatFen } from '../logic/money';
import { orderOf, registrationView } from '../logic/registration-status';
import { NewOrderButton } from '../ui/NewOrderButton';
import { PayOptions } from '../ui/PayOptions';
import { StatusTag } from '../ui/StatusTag';
import { useNow } from '../ui/use-now';
import { useRefreshWhile } from '../ui/use-refresh-while';

/**
 * Paying a registration's fee, and the page the person comes back to from the provider: it shows only what
 * the payments and exam services say (asking again while the payment is pending or being confirmed).
 */
export function PaymentPage() {
  const { registrationId = '' } = useParams();
  const { t } = useTranslation('exams');
  const registration = useRegistration(registrationId);
  return (
    <>
      <PageTitle>{t('payment.title')}</PageTitle>
      {registration.error ? (
        <ErrorAlert error={registration.error} namespace="exams" />
      ) : !registration.data ? (
        <Skeleton active />
      ) : (
        <PaymentState registration={registration.data} />
      )}
    </>
  );
}

function PaymentState({ registration }: { registration: Registration }) {
  const { t, i18n } = useTranslation('exams');
  const now = useNow(5_000);
  const notice = useNotice(registration.examId);
  const orders = useMyOrders();
  const order = orderOf(registration.registrationId, orders.data ?? []);
  const view = registrationView(registration, order, now);
  const detailsLink = `/my/exams/${registration.registrationId}`;
  useRefreshWhile(view.settling || view.status === 'pending_payment', [
    examKeys.registration(registration.registrationId),
    examKeys.orders,
  ]);

  if (orders.error)
    return <ErrorAlert error={orders.error} namespace="exams" onRetry={() => void orders.refetch()} />;
  if (!orders.data) return <Skeleton active />;

  const summary = (
    <Descriptions
      size="small"
      column={1}
      items={[
        ...(notice.data ? [{ key: 'exam', label: t('payment.exam'), children: notice.data.title }] : []),
        { key: 'number', label: t('registration.number'), children: registration.registrationNumber },
        {
          key: 'amount',
          label: t('payment.amount'),
          children: formatFen(order?.amountFen ?? registration.feeFen),
        },
        ...(order && view.status === 'pending_payment'
          ? [
              {
                key: 'until',
                label: t('payment.until'),
                children: formatDateTime(order.expiresAt, i18n.language),
              },
            ]
          : []),
        { key: 'status', label: t('payment.status'), children: <StatusTag view={view} /> },
      ]}
    />
  );

  switch (view.status) {
    case 'preparing_payment':
      return (
        <Card>
          {summary}
          <Space>
            <Spin size="small" />
            <span role="status">{t('payment.preparing')}</span>
          </Space>
        </Card>
      );
    case 'pending_payment':
      return (
        <Card>
          {summary}
          <PayOptions order={order as Order} />
        </Card>
      );
    case 'payment_confirming':
      return (
        <Result
          status="info"
          icon={<Spin />}
          title={<span role="status">{t('payment.confirming')}</span>}
          subTitle={t('statusHint.payment_confirming')}
          extra={summary}
        />
      );
    case 'confirmed':
      return (
        <Result
          status="success"
          title={
            <span role="status">
              {registration.paid ? t('payment.paidConfirmed') : t('status.confirmed')}
            </span>
          }
          subTitle={t('payment.nextTicket')}
          extra={
            <Space orientation="vertical" style={{ width: '100%', textAlign: 'left' }}>
              {summary}
              <LinkButton to={detailsLink} type="primary">
                {t('payment.toRegistration')}
              </LinkButton>
            </Space>
          }
        />
      );
    case 'pending_review':
      return (
        <Alert
          type="info"
          showIcon
          title={t('status.pending_review')}
          description={<LinkButton to={detailsLink}>{t('payment.toRegistration')}</LinkButton>}
        />
      );
    case 'payment_expired':
      return (
        <Result
          status="warning"
          title={<span role="status">{t('status.payment_expired')}</span>}
          subTitle={t('statusHint.payment_expired')}
          extra={
            <Space orientation="vertical" style={{ width: '100%', textAlign: 'left' }}>
              {summary}
              <NewOrderButton registrationId={registration.registrationId} />
              <LinkButton to={detailsLink}>{t('payment.toRegistration')}</LinkButton>
            </Space>
          }
        />
      );
    case 'rejected':
    case 'cancelled':
    case 'refunding':
    case 'refunded':
      return (
        <Card>
          {summary}
          <Typography.Paragraph>
            {t(`statusHint.${view.status}`, { fee: formatFen(registration.feeFen), until: '' })}
          </Typography.Paragraph>
          <LinkButton to={detailsLink}>{t('payment.toRegistration')}</LinkButton>
        </Card>
      );
  }
}
