import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { newIdempotencyKey } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import {
  canAskForInvoice,
  type InvoiceFormValues,
  latestInvoiceOf,
  openInvoiceOf,
  requestBody,
  taxIdProblem,
} from '../../invoices/invoice-form';
import { type Invoice, invoiceKeys, invoicesApi } from '../../invoices/invoices-api';
import type { Order } from '../api/types';
import { formatFen } from '../logic/money';
import { DownloadButton } from './DownloadButton';

/**
 * The buyer's invoice (发票) on a paid order: the form to ask for one, then the request's state, a way to
 * withdraw it before it is issued, and the PDF once issued. Personal fields come back masked.
 */
export function InvoicePanel({ order }: { order: Order }) {
  const { t } = useTranslation('invoices');
  const invoices = useQuery({ queryKey: invoiceKeys.mine, queryFn: invoicesApi.mine });
  const open = openInvoiceOf(order.orderId, invoices.data ?? []);
  const latest = latestInvoiceOf(order.orderId, invoices.data ?? []);
  if (!open && !canAskForInvoice(order)) return null;
  return (
    <Card
      role="region"
      aria-labelledby="invoice-panel-title"
      title={
        <h2 id="invoice-panel-title" className="card-heading">
          {t('buyer.title')}
        </h2>
      }
    >
      <ErrorAlert error={invoices.error} namespace="invoices" onRetry={() => void invoices.refetch()} />
      {open ? (
        <OpenInvoice invoice={open} />
      ) : invoices.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {latest?.status === 'rejected' && latest.rejectReason ? (
            <Alert type="warning" showIcon title={t('buyer.rejected', { reason: latest.rejectReason })} />
          ) : null}
          <InvoiceRequestForm orderId={order.orderId} />
        </Space>
      ) : null}
    </Card>
  );
}

function OpenInvoice({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('invoices');
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => invoicesApi.cancel(invoice.invoiceId),
    onSuccess: () => client.invalidateQueries({ queryKey: invoiceKeys.mine }),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'status', label: t('staff.status'), children: <Tag>{t(`status.${invoice.status}`)}</Tag> },
          { key: 'title', label: t('buyer.titleName'), children: invoice.title ?? '—' },
          ...(invoice.taxId ? [{ key: 'tax', label: t('buyer.taxId'), children: invoice.taxId }] : []),
          { key: 'email', label: t('buyer.email'), children: invoice.email ?? '—' },
          { key: 'amount', label: t('staff.amount'), children: formatFen(invoice.amountFen) },
          ...(invoice.invoiceNo
            ? [
                { key: 'no', label: t('staff.invoiceNo'), children: invoice.invoiceNo },
                { key: 'on', label: t('staff.issuedOn'), children: invoice.issuedOn ?? '' },
              ]
            : []),
        ]}
      />
      {invoice.status === 'requested' ? (
        <>
          <Alert type="info" showIcon title={t('buyer.requested')} />
          <ErrorAlert error={cancel.error} namespace="invoices" />
          <Button
            loading={cancel.isPending}
            onClick={() => {
              cancel.mutate();
            }}
          >
            {t('buyer.cancel')}
          </Button>
        </>
      ) : null}
      {invoice.reversal ? <Alert type="warning" showIcon title={t('buyer.reversal')} /> : null}
      {invoice.hasPdf ? (
        <DownloadButton fetchFile={() => invoicesApi.myPdf(invoice.invoiceId)} fileName={t('buyer.fileName')}>
          {t('buyer.download')}
        </DownloadButton>
      ) : null}
    </Space>
  );
}

function InvoiceRequestForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation('invoices');
  const client = useQueryClient();
  const [form] = Form.useForm<InvoiceFormValues>();
  const titleType = Form.useWatch('titleType', form);
  // One key per request the person means: a retried submit never creates a second request.
  const [key, setKey] = useState(newIdempotencyKey);
  const submit = useMutation({
    mutationFn: (values: InvoiceFormValues) => invoicesApi.request(orderId, requestBody(values, key)),
    onSuccess: async () => {
      setKey(newIdempotencyKey());
      await client.invalidateQueries({ queryKey: invoiceKeys.mine });
    },
  });
  const required = { required: true, whitespace: true, message: t('buyer.required') };
  return (
    <Form<InvoiceFormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ titleType: 'personal' }}
      onFinish={(values) => {
        submit.mutate(values);
      }}
    >
      <p>{t('buyer.intro')}</p>
      <Form.Item label={t('buyer.titleType')} name="titleType">
        <Radio.Group
          options={[
            { value: 'personal', label: t('buyer.personal') },
            { value: 'company', label: t('buyer.company') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={titleType === 'company' ? t('buyer.titleCompany') : t('buyer.titlePersonal')}
        name="title"
        rules={[required, { max: 100 }]}
      >
        <Input maxLength={100} autoComplete={titleType === 'company' ? 'organization' : 'name'} />
      </Form.Item>
      {titleType === 'company' ? (
        <Form.Item
          label={t('buyer.taxId')}
          name="taxId"
          rules={[
            required,
            {
              validator: (_rule, value: string | undefined) => {
                const problem = taxIdProblem(value ?? '');
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`taxIdProblem.${problem.kind}`, { ...problem })));
              },
            },
          ]}
        >
          <Input maxLength={18} style={{ maxWidth: 260 }} />
        </Form.Item>
      ) : null}
      <Form.Item
        label={t('buyer.email')}
        name="email"
        rules={[required, { type: 'email', message: t('buyer.emailInvalid') }]}
      >
        <Input type="email" autoComplete="email" maxLength={254} />
      </Form.Item>
      <ErrorAlert error={submit.error} namespace="invoices" />
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t('buyer.submit')}
      </Button>
    </Form>
  );
}
