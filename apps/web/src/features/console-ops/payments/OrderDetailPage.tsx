import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { AdminOnly } from '../shared/AdminOnly';
import { EmptyText } from '../shared/EmptyText';
import { formatDateTime } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { useInstitutionId } from '../shared/use-institution';
import { formatFen } from './money';
import { getOrder, type OrderRefund, type StaffOrderDetail } from './payments-api';
import { RefundForm } from './RefundForm';

type HistoryRow = StaffOrderDetail['history'][number];
type ItemRow = StaffOrderDetail['items'][number];

/** One order: amounts, masked contact, items, status history, refunds, and a refund form while refundable. */
function OrderDetail() {
  const { t, i18n } = useTranslation('consoleOps');
  const lang = i18n.language;
  const institutionId = useInstitutionId();
  const { orderId = '' } = useParams();
  const queryClient = useQueryClient();
  const key = ['consoleOps', 'order', institutionId, orderId];
  const order = useQuery({ queryKey: key, queryFn: () => getOrder(institutionId, orderId) });
  const o = order.data;
  const status = (s: string | null) => (s === null ? '—' : t(`orderStatus.${s}`, { defaultValue: s }));
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>{o ? t('order.title', { description: o.description }) : t('order.loading')}</PageTitle>
        <ErrorAlert error={order.error} namespace="consoleOps" />
        {o ? (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'status', label: t('payments.status'), children: status(o.status) },
              { key: 'amount', label: t('payments.amount'), children: formatFen(o.amountFen, lang) },
              { key: 'paid', label: t('payments.paid'), children: formatFen(o.paidFen, lang) },
              { key: 'refunded', label: t('payments.refunded'), children: formatFen(o.refundedFen, lang) },
              {
                key: 'refundable',
                label: t('payments.refundable'),
                children: formatFen(o.refundableFen, lang),
              },
              {
                key: 'provider',
                label: t('payments.provider'),
                children: o.provider ? t(`providers.${o.provider}`, { defaultValue: o.provider }) : '—',
              },
              { key: 'created', label: t('payments.createdAt'), children: formatDateTime(o.createdAt, lang) },
              { key: 'paidAt', label: t('order.paidAt'), children: formatDateTime(o.paidAt, lang) },
              ...(o.contact
                ? [
                    {
                      key: 'contact',
                      label: t('order.contact'),
                      children: `${o.contact.name} ${o.contact.phone} ${o.contact.address}`,
                    },
                  ]
                : []),
            ]}
          />
        ) : null}
        <LinkButton to={`/console/${institutionId}/payments`} style={{ marginTop: 12 }}>
          {t('order.back')}
        </LinkButton>
      </Card>
      {o ? (
        <>
          <section aria-labelledby="order-items">
            <Card>
              <Typography.Title level={2} id="order-items" className="ops-heading">
                {t('order.items')}
              </Typography.Title>
              <ScrollTable labelledBy="order-items">
                <Table<ItemRow>
                  size="small"
                  rowKey={(i) => `${i.kind}-${i.refId}`}
                  dataSource={o.items}
                  pagination={false}
                  columns={[
                    { title: t('order.item'), dataIndex: 'title' },
                    {
                      title: t('order.unitPrice'),
                      key: 'unit',
                      render: (_: unknown, i) => formatFen(i.unitPriceFen, lang),
                    },
                    { title: t('order.quantity'), dataIndex: 'quantity' },
                    {
                      title: t('payments.amount'),
                      key: 'amount',
                      render: (_: unknown, i) => formatFen(i.amountFen, lang),
                    },
                  ]}
                />
              </ScrollTable>
            </Card>
          </section>
          <section aria-labelledby="order-history">
            <Card>
              <Typography.Title level={2} id="order-history" className="ops-heading">
                {t('order.history')}
              </Typography.Title>
              <ScrollTable labelledBy="order-history">
                <Table<HistoryRow>
                  size="small"
                  rowKey={(h) => `${h.at}-${h.toStatus}`}
                  dataSource={o.history}
                  pagination={false}
                  columns={[
                    {
                      title: t('order.at'),
                      dataIndex: 'at',
                      render: (at: string) => formatDateTime(at, lang),
                    },
                    { title: t('order.from'), key: 'from', render: (_: unknown, h) => status(h.fromStatus) },
                    { title: t('order.to'), key: 'to', render: (_: unknown, h) => status(h.toStatus) },
                    {
                      title: t('order.cause'),
                      dataIndex: 'cause',
                      render: (cause: string) => t(`causes.${cause}`, { defaultValue: cause }),
                    },
                    { title: t('order.note'), key: 'note', render: (_: unknown, h) => h.note ?? '—' },
                  ]}
                />
              </ScrollTable>
            </Card>
          </section>
          <section aria-labelledby="order-refunds">
            <Card>
              <Typography.Title level={2} id="order-refunds" className="ops-heading">
                {t('order.refunds')}
              </Typography.Title>
              <ScrollTable labelledBy="order-refunds">
                <Table<OrderRefund>
                  size="small"
                  rowKey="refundId"
                  dataSource={o.refunds}
                  pagination={false}
                  locale={{ emptyText: <EmptyText>{t('order.noRefunds')}</EmptyText> }}
                  columns={[
                    {
                      title: t('order.at'),
                      dataIndex: 'createdAt',
                      render: (at: string) => formatDateTime(at, lang),
                    },
                    {
                      title: t('payments.amount'),
                      key: 'amount',
                      render: (_: unknown, r) => formatFen(r.amountFen, lang),
                    },
                    { title: t('refund.reason'), dataIndex: 'reason' },
                    {
                      title: t('payments.status'),
                      key: 'status',
                      render: (_: unknown, r) => t(`refundStatus.${r.status}`, { defaultValue: r.status }),
                    },
                    {
                      title: t('order.settledAt'),
                      key: 'settled',
                      render: (_: unknown, r) => formatDateTime(r.settledAt, lang),
                    },
                  ]}
                />
              </ScrollTable>
            </Card>
          </section>
          {o.refundableFen > 0 && (o.status === 'paid' || o.status === 'partially_refunded') ? (
            <RefundForm
              institutionId={institutionId}
              orderId={o.orderId}
              refundableFen={o.refundableFen}
              onRefunded={() => void queryClient.invalidateQueries({ queryKey: key })}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export function OrderDetailPage() {
  return (
    <AdminOnly>
      <OrderDetail />
    </AdminOnly>
  );
}
