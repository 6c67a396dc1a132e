import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { AdminOnly } from '../shared/AdminOnly';
import { EmptyText } from '../shared/EmptyText';
import { formatDateTime } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { useInstitutionId } from '../shared/use-institution';
import { formatFen } from './money';
import { listOrders, ORDER_STATUSES, type OrderStatus, type StaffOrder } from './payments-api';

/** The institution's orders (all, or of one status), each opening its history and refunds. */
function OrdersList() {
  const { t, i18n } = useTranslation('consoleOps');
  const { t: tp } = useTranslation('consoleOpsPayments');
  const lang = i18n.language;
  const institutionId = useInstitutionId();
  const [status, setStatus] = useState<OrderStatus | 'all'>('all');
  const orders = useQuery({
    queryKey: ['consoleOps', 'orders', institutionId, status],
    queryFn: () => listOrders(institutionId, status === 'all' ? undefined : status),
  });
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>{t('payments.title')}</PageTitle>
        <Typography.Paragraph>{t('payments.intro')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <LinkButton to="approvals">{tp('nav.approvals')}</LinkButton>
          <LinkButton to="report">{tp('nav.report')}</LinkButton>
          <LinkButton to="statements">{tp('nav.statements')}</LinkButton>
          <LinkButton to={`/console/${institutionId}/invoices`}>{tp('nav.invoices')}</LinkButton>
        </Space>
      </Card>
      <Card>
        <label htmlFor="ops-order-status" className="ops-label">
          {t('payments.filter')}
        </label>
        <Select<OrderStatus | 'all'>
          id="ops-order-status"
          value={status}
          onChange={setStatus}
          style={{ width: 200, marginBottom: 16 }}
          options={[
            { value: 'all', label: t('payments.all') },
            ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) })),
          ]}
        />
        <ErrorAlert error={orders.error} namespace="consoleOps" onRetry={() => void orders.refetch()} />
        <ScrollTable label={t('payments.title')}>
          <Table<StaffOrder>
            rowKey="orderId"
            size="small"
            loading={orders.isPending}
            dataSource={orders.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t('payments.none')}</EmptyText> }}
            columns={[
              {
                title: t('payments.createdAt'),
                dataIndex: 'createdAt',
                render: (at: string) => formatDateTime(at, lang),
              },
              {
                title: t('payments.description'),
                key: 'description',
                render: (_: unknown, o) => <Link to={`orders/${o.orderId}`}>{o.description}</Link>,
              },
              {
                title: t('payments.amount'),
                key: 'amount',
                render: (_: unknown, o) => formatFen(o.amountFen, lang),
              },
              {
                title: t('payments.status'),
                key: 'status',
                render: (_: unknown, o) => <Tag>{t(`orderStatus.${o.status}`)}</Tag>,
              },
              {
                title: t('payments.paid'),
                key: 'paid',
                render: (_: unknown, o) => formatFen(o.paidFen, lang),
              },
              {
                title: t('payments.refunded'),
                key: 'refunded',
                render: (_: unknown, o) => formatFen(o.refundedFen, lang),
              },
              {
                title: t('payments.provider'),
                key: 'provider',
                render: (_: unknown, o) =>
                  o.provider ? t(`providers.${o.provider}`, { defaultValue: o.provider }) : '—',
              },
            ]}
          />
        </ScrollTable>
      </Card>
    </div>
  );
}

export function PaymentsPage() {
  return (
    <AdminOnly>
      <OrdersList />
    </AdminOnly>
  );
}
