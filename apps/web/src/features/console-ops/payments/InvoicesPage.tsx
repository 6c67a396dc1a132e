import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { isInvoiceNumber, pdfProblem, toBase64 } from '../../invoices/invoice-form';
import {
  type Invoice,
  INVOICE_STATUSES,
  type InvoiceFilter,
  invoiceKeys,
  invoicesApi,
  type InvoiceStatus,
  type ReversalStatus,
} from '../../invoices/invoices-api';
import { EmptyText } from '../shared/EmptyText';
import { formatDateTime } from '../shared/format';
import { saveFile } from '../shared/save-file';
import { ScrollTable } from '../shared/ScrollTable';
import { useInstitutionId } from '../shared/use-institution';
import { formatFen } from './money';

type Action = { kind: 'issue' | 'reject' | 'reversal'; invoice: Invoice } | null;

/**
 * The institution's invoice requests (发票), filtered by status, reversal and request date: issue with the
 * PDF, return with a reason, record the red-letter invoice of a refunded one, download an issued PDF.
 */
export function InvoicesPage() {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const institutionId = useInstitutionId();
  const [status, setStatus] = useState<InvoiceStatus | 'all'>('requested');
  const [reversal, setReversal] = useState<ReversalStatus | 'all'>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [action, setAction] = useState<Action>(null);
  const filter: InvoiceFilter = {
    ...(status === 'all' ? {} : { status }),
    ...(reversal === 'all' ? {} : { reversal }),
    ...(from === '' ? {} : { from }),
    ...(to === '' ? {} : { to }),
  };
  const invoices = useQuery({
    queryKey: [...invoiceKeys.ofInstitution(institutionId), filter],
    queryFn: () => invoicesApi.list(institutionId, filter),
  });
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>{t('staff.title')}</PageTitle>
        <Typography.Paragraph>{t('staff.intro')}</Typography.Paragraph>
      </Card>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <label htmlFor="ops-invoice-status" className="ops-label">
            {t('staff.filterStatus')}
          </label>
          <Select<InvoiceStatus | 'all'>
            id="ops-invoice-status"
            value={status}
            onChange={setStatus}
            style={{ width: 160 }}
            options={[
              { value: 'all', label: t('staff.all') },
              ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
          <label htmlFor="ops-invoice-reversal" className="ops-label">
            {t('staff.filterReversal')}
          </label>
          <Select<ReversalStatus | 'all'>
            id="ops-invoice-reversal"
            value={reversal}
            onChange={setReversal}
            style={{ width: 140 }}
            options={[
              { value: 'all', label: t('staff.all') },
              { value: 'required', label: t('staff.reversalRequired') },
              { value: 'done', label: t('staff.reversalDone') },
            ]}
          />
          <label htmlFor="ops-invoice-from" className="ops-label">
            {t('staff.from')}
          </label>
          <Input
            id="ops-invoice-from"
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
            }}
          />
          <label htmlFor="ops-invoice-to" className="ops-label">
            {t('staff.to')}
          </label>
          <Input
            id="ops-invoice-to"
            type="date"
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
            }}
          />
        </Space>
        <ErrorAlert error={invoices.error} namespace="invoices" onRetry={() => void invoices.refetch()} />
        <ScrollTable label={t('staff.title')}>
          <Table<Invoice>
            rowKey="invoiceId"
            size="small"
            loading={invoices.isPending}
            dataSource={invoices.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t('staff.none')}</EmptyText> }}
            columns={[
              {
                title: t('staff.createdAt'),
                dataIndex: 'createdAt',
                render: (at: string) => formatDateTime(at, lang),
              },
              {
                title: t('staff.titleCol'),
                key: 'title',
                render: (_: unknown, i) =>
                  i.erased && i.title === null ? (
                    t('staff.erased')
                  ) : (
                    <>
                      {i.title ?? '—'}
                      {i.taxId ? <div className="ops-muted">{i.taxId}</div> : null}
                    </>
                  ),
              },
              {
                title: t('staff.amount'),
                key: 'amount',
                render: (_: unknown, i) => formatFen(i.amountFen, lang),
              },
              {
                title: t('staff.status'),
                key: 'status',
                render: (_: unknown, i) => (
                  <Space size={4} wrap>
                    <Tag>{t(`status.${i.status}`)}</Tag>
                    {i.reversal === 'required' ? <Tag color="red">{t('staff.reversalRequired')}</Tag> : null}
                    {i.reversal === 'done' ? <Tag>{t('staff.reversalDone')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('staff.invoiceNo'),
                key: 'invoiceNo',
                render: (_: unknown, i) => i.invoiceNo ?? '—',
              },
              {
                title: t('staff.actions'),
                key: 'actions',
                render: (_: unknown, i) => (
                  <Space size={4} wrap>
                    {i.status === 'requested' ? (
                      <>
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => {
                            setAction({ kind: 'issue', invoice: i });
                          }}
                        >
                          {t('staff.issue')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => {
                            setAction({ kind: 'reject', invoice: i });
                          }}
                        >
                          {t('staff.reject')}
                        </Button>
                      </>
                    ) : null}
                    {i.reversal === 'required' ? (
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          setAction({ kind: 'reversal', invoice: i });
                        }}
                      >
                        {t('staff.recordReversal')}
                      </Button>
                    ) : null}
                    {i.hasPdf ? (
                      <Button
                        size="small"
                        onClick={() =>
                          void invoicesApi.staffPdf(institutionId, i.invoiceId).then((blob) => {
                            saveFile(blob, `${i.invoiceNo ?? i.invoiceId}.pdf`);
                          })
                        }
                      >
                        {t('staff.download')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        </ScrollTable>
      </Card>
      {action ? (
        <InvoiceActionModal
          institutionId={institutionId}
          action={action}
          onClose={() => {
            setAction(null);
          }}
        />
      ) : null}
    </div>
  );
}

interface ActionValues {
  invoiceNo?: string;
  issuedOn?: string;
  reason?: string;
  reversalInvoiceNo?: string;
}

function InvoiceActionModal({
  institutionId,
  action,
  onClose,
}: {
  institutionId: string;
  action: NonNullable<Action>;
  onClose: () => void;
}) {
  const { t } = useTranslation('invoices');
  const client = useQueryClient();
  const [form] = Form.useForm<ActionValues>();
  const [pdf, setPdf] = useState<Uint8Array | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const { invoiceId } = action.invoice;
  const run = useMutation({
    mutationFn: (values: ActionValues): Promise<Invoice> => {
      switch (action.kind) {
        case 'issue':
          return invoicesApi.issue(institutionId, invoiceId, {
            invoiceNo: (values.invoiceNo ?? '').trim(),
            issuedOn: values.issuedOn ?? '',
            pdfBase64: toBase64(pdf ?? new Uint8Array(0)),
          });
        case 'reject':
          return invoicesApi.reject(institutionId, invoiceId, (values.reason ?? '').trim());
        case 'reversal':
          return invoicesApi.recordReversal(
            institutionId,
            invoiceId,
            (values.reversalInvoiceNo ?? '').trim(),
          );
      }
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: invoiceKeys.ofInstitution(institutionId) });
      onClose();
    },
  });
  const numberRule = {
    validator: (_rule: unknown, value: string | undefined) =>
      isInvoiceNumber(value ?? '')
        ? Promise.resolve()
        : Promise.reject(new Error(t('staff.invoiceNoInvalid'))),
  };
  const titles = { issue: 'staff.issueTitle', reject: 'staff.rejectTitle', reversal: 'staff.reversalTitle' };
  return (
    <Modal
      open
      title={t(titles[action.kind])}
      okText={t('staff.ok')}
      cancelText={t('staff.cancel')}
      okButtonProps={{ loading: run.isPending }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
    >
      <Form<ActionValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          if (action.kind === 'issue' && pdf === null) {
            setPdfError(t('staff.pdfInvalid'));
            return;
          }
          run.mutate(values);
        }}
      >
        {action.kind === 'issue' ? (
          <>
            <Form.Item label={t('staff.invoiceNo')} name="invoiceNo" rules={[numberRule]}>
              <Input inputMode="numeric" maxLength={20} />
            </Form.Item>
            <Form.Item label={t('staff.issuedOn')} name="issuedOn" rules={[{ required: true }]}>
              <Input type="date" style={{ maxWidth: 200 }} />
            </Form.Item>
            <Form.Item label={t('staff.pdf')} validateStatus={pdfError ? 'error' : ''} help={pdfError}>
              <input
                type="file"
                accept="application/pdf,.pdf"
                aria-label={t('staff.pdf')}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  setPdf(null);
                  setPdfError(null);
                  if (!file) return;
                  void file.arrayBuffer().then((buffer) => {
                    const bytes = new Uint8Array(buffer);
                    if (pdfProblem(bytes) === null) setPdf(bytes);
                    else setPdfError(t('staff.pdfInvalid'));
                  });
                }}
              />
            </Form.Item>
          </>
        ) : null}
        {action.kind === 'reject' ? (
          <Form.Item
            label={t('staff.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
        ) : null}
        {action.kind === 'reversal' ? (
          <Form.Item label={t('staff.reversalNo')} name="reversalInvoiceNo" rules={[numberRule]}>
            <Input inputMode="numeric" maxLength={20} />
          </Form.Item>
        ) : null}
        <ErrorAlert error={run.error} namespace="invoices" />
      </Form>
    </Modal>
  );
}
