import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { LinkButton } from '../../../../ui/LinkButton';
import { PageTitle } from '../../../../ui/PageTitle';
import { AdminOnly } from '../../shared/AdminOnly';
import { EmptyText } from '../../shared/EmptyText';
import { formatDateTime } from '../../shared/format';
import { ScrollTable } from '../../shared/ScrollTable';
import { useInstitutionId } from '../../shared/use-institution';
import { formatFen } from '../money';
import { filtersFromSearch, isRefundKind, searchFromFilters } from './mismatch-filters';
import {
  listMismatches,
  MISMATCH_KINDS,
  MISMATCH_STATUSES,
  type MismatchFilters,
  PROVIDERS,
  resolveMismatch,
  type StatementMismatch,
} from './statements-api';

const NOTE_MAX = 500;

function Filters({ value, onChange }: { value: MismatchFilters; onChange: (f: MismatchFilters) => void }) {
  const { t } = useTranslation('consoleStatements');
  const [form] = Form.useForm<MismatchFilters & { status?: string }>();
  const any = { value: '', label: t('any') };
  return (
    <Form
      form={form}
      layout="inline"
      aria-label={t('filters')}
      initialValues={{ ...value, status: value.status ?? '' }}
      onFinish={(v) => {
        onChange({
          date: v.date || undefined,
          provider: v.provider || undefined,
          kind: v.kind || undefined,
          status: v.status || undefined,
        });
      }}
      className="ops-filters"
    >
      <Form.Item label={t('date')} name="date">
        <Input type="date" />
      </Form.Item>
      <Form.Item label={t('provider')} name="provider">
        <Select
          style={{ width: 140 }}
          options={[any, ...PROVIDERS.map((p) => ({ value: p, label: t(`providers.${p}`) }))]}
        />
      </Form.Item>
      <Form.Item label={t('kind')} name="kind">
        <Select
          style={{ width: 220 }}
          options={[any, ...MISMATCH_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        />
      </Form.Item>
      <Form.Item label={t('status')} name="status">
        <Select
          style={{ width: 120 }}
          options={[any, ...MISMATCH_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('apply')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({ date: undefined, provider: undefined, kind: undefined, status: 'open' });
            onChange({ status: 'open' });
          }}
        >
          {t('clear')}
        </Button>
      </Space>
    </Form>
  );
}

function ResolveDialog({
  mismatch,
  onClose,
  onResolved,
}: {
  mismatch: StatementMismatch;
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation('consoleStatements');
  const institutionId = useInstitutionId();
  const [form] = Form.useForm<{ note: string }>();
  const resolve = useMutation({
    mutationFn: (note: string) => resolveMismatch(institutionId, mismatch.mismatchId, note),
    onSuccess: onResolved,
  });
  return (
    <Modal
      open
      title={t('resolveTitle')}
      okText={t('confirm')}
      cancelText={t('cancel')}
      confirmLoading={resolve.isPending}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t(`kinds.${mismatch.kind}`)} · {mismatch.outRefundNo ?? mismatch.outTradeNo}
      </Typography.Paragraph>
      <ErrorAlert error={resolve.error} namespace="consoleOps" />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => {
          resolve.mutate(v.note.trim());
        }}
      >
        <Form.Item
          label={t('note')}
          name="note"
          extra={t('noteHelp')}
          rules={[
            { required: true, whitespace: true, message: t('noteMissing') },
            { max: NOTE_MAX, message: t('noteTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={NOTE_MAX + 1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MismatchesList() {
  const { t, i18n } = useTranslation('consoleStatements');
  const lang = i18n.language;
  const institutionId = useInstitutionId();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const [resolving, setResolving] = useState<StatementMismatch | null>(null);
  const [resolvedOne, setResolvedOne] = useState(false);
  const key = ['consoleOps', 'statementMismatches', institutionId, filters];
  const mismatches = useQuery({ queryKey: key, queryFn: () => listMismatches(institutionId, filters) });
  const side = (amountFen: number | null, status: string | null) =>
    amountFen === null && status === null
      ? t('absent')
      : t('amountAndStatus', {
          amount: amountFen === null ? '—' : formatFen(amountFen, lang),
          status: status ?? '—',
        });
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>{t('title')}</PageTitle>
        <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
        <LinkButton to={`/console/${institutionId}/payments`}>{t('back')}</LinkButton>
      </Card>
      <Card>
        <Filters
          value={filters}
          onChange={(f) => {
            setSearch(searchFromFilters(f));
          }}
        />
        {resolvedOne ? (
          <Alert type="success" showIcon role="status" title={t('resolved')} className="ops-gap" />
        ) : null}
        <ErrorAlert
          error={mismatches.error}
          namespace="consoleOps"
          onRetry={() => void mismatches.refetch()}
        />
        <ScrollTable label={t('title')}>
          <Table<StatementMismatch>
            rowKey="mismatchId"
            size="small"
            loading={mismatches.isPending}
            dataSource={mismatches.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyText>{t('none')}</EmptyText> }}
            expandable={{
              rowExpandable: () => true,
              expandedRowRender: (m) => <Typography.Text>{t(`hints.${m.kind}`)}</Typography.Text>,
            }}
            columns={[
              { title: t('date'), dataIndex: 'date' },
              {
                title: t('provider'),
                key: 'provider',
                render: (_: unknown, m) => t(`providers.${m.provider}`),
              },
              { title: t('kind'), key: 'kind', render: (_: unknown, m) => t(`kinds.${m.kind}`) },
              {
                title: t('reference'),
                key: 'reference',
                render: (_: unknown, m) => (
                  <Typography.Text code>
                    {isRefundKind(m.kind) ? (m.outRefundNo ?? m.outTradeNo) : m.outTradeNo}
                  </Typography.Text>
                ),
              },
              {
                title: t('platform'),
                key: 'platform',
                render: (_: unknown, m) => side(m.platformAmountFen, m.platformStatus),
              },
              {
                title: t('providerSide'),
                key: 'providerSide',
                render: (_: unknown, m) => side(m.providerAmountFen, m.providerStatus),
              },
              {
                title: t('status'),
                key: 'status',
                render: (_: unknown, m) =>
                  m.status === 'resolved' ? (
                    <span>
                      <Tag>{t('statuses.resolved')}</Tag>
                      {t('resolvedBy', {
                        at: formatDateTime(m.resolvedAt, lang),
                        note: m.resolutionNote ?? '',
                      })}
                    </span>
                  ) : (
                    <Tag color="orange">{t('statuses.open')}</Tag>
                  ),
              },
              {
                title: t('detectedAt'),
                key: 'detectedAt',
                render: (_: unknown, m) => formatDateTime(m.detectedAt, lang),
              },
              {
                title: t('actions'),
                key: 'actions',
                render: (_: unknown, m) => (
                  <Space wrap>
                    {m.orderId ? (
                      <Link to={`/console/${institutionId}/payments/orders/${m.orderId}`}>
                        {t('openOrder')}
                      </Link>
                    ) : null}
                    {m.status === 'open' ? (
                      <Button
                        size="small"
                        onClick={() => {
                          setResolving(m);
                        }}
                      >
                        {t('resolve')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        </ScrollTable>
      </Card>
      {resolving ? (
        <ResolveDialog
          mismatch={resolving}
          onClose={() => {
            setResolving(null);
          }}
          onResolved={() => {
            setResolving(null);
            setResolvedOne(true);
            void queryClient.invalidateQueries({
              queryKey: ['consoleOps', 'statementMismatches', institutionId],
            });
          }}
        />
      ) : null}
    </div>
  );
}

/** The institution's statement mismatches (payments service), filtered by the address, each resolvable with a note. */
export function StatementMismatchesPage() {
  return (
    <AdminOnly>
      <MismatchesList />
    </AdminOnly>
  );
}
