import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { AdminOnly } from '../shared/AdminOnly';
import { EmptyText } from '../shared/EmptyText';
import { formatDateTime } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { useInstitutionId } from '../shared/use-institution';
import { formatFen, yuanToFen } from './money';
import { canDecide, requester } from './payments-admin';
import {
  type ApprovalRefund,
  approveRefund,
  getPaymentSettings,
  listAwaitingApproval,
  rejectRefund,
  savePaymentSettings,
} from './payments-admin-api';

const NS = 'consoleOpsPayments';

/** The approval threshold: shown to the admin, changed with a checkbox (approval on or off) and an amount. */
function ThresholdSettings({ institutionId }: { institutionId: string }) {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const key = ['consoleOps', 'paymentSettings', institutionId];
  const settings = useQuery({ queryKey: key, queryFn: () => getPaymentSettings(institutionId) });
  const [form] = Form.useForm<{ require: boolean; threshold: string }>();
  const required = Form.useWatch<boolean | undefined>('require', form) !== false;
  const save = useMutation({
    mutationFn: (thresholdFen: number | null) => savePaymentSettings(institutionId, thresholdFen),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  const s = settings.data;
  return (
    <Card>
      <Typography.Title level={2} className="ops-heading">
        {t('settings.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('settings.intro')}</Typography.Paragraph>
      <ErrorAlert error={settings.error ?? save.error} namespace={NS} />
      {s ? (
        <>
          <Typography.Paragraph strong>
            {s.refundApprovalThresholdFen === null
              ? t('settings.currentNone')
              : t('settings.current', { amount: formatFen(s.refundApprovalThresholdFen, lang) })}{' '}
            {s.source === 'default' ? t('settings.defaultNote') : null}
          </Typography.Paragraph>
          {save.isSuccess ? (
            <Alert type="success" showIcon role="status" title={t('settings.saved')} />
          ) : null}
          <Form
            form={form}
            layout="inline"
            initialValues={{
              require: s.refundApprovalThresholdFen !== null,
              threshold:
                s.refundApprovalThresholdFen === null ? '' : (s.refundApprovalThresholdFen / 100).toFixed(2),
            }}
            onFinish={(v) => {
              save.mutate(v.require ? yuanToFen(v.threshold) : null);
            }}
          >
            <Form.Item name="require" valuePropName="checked">
              <Checkbox>{t('settings.require')}</Checkbox>
            </Form.Item>
            <Form.Item
              name="threshold"
              label={t('settings.threshold')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    !required || yuanToFen(value ?? '') !== null
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('settings.thresholdInvalid'))),
                },
              ]}
            >
              <Input inputMode="decimal" disabled={!required} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('settings.save')}
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

/** The queue: approve (confirmed) or reject (with a reason) refunds others requested. */
function AwaitingApproval({ institutionId }: { institutionId: string }) {
  const { t, i18n } = useTranslation(NS);
  const { t: tOps } = useTranslation('consoleOps');
  const lang = i18n.language;
  const userId = useSession()?.userId ?? '';
  const queryClient = useQueryClient();
  const key = ['consoleOps', 'awaitingApproval', institutionId];
  const queue = useQuery({ queryKey: key, queryFn: () => listAwaitingApproval(institutionId) });
  const [rejecting, setRejecting] = useState<ApprovalRefund | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const approve = useMutation({
    mutationFn: (refund: ApprovalRefund) => approveRefund(institutionId, refund.refundId),
    onSuccess: (r) => {
      setMessage(
        t('approvals.approved', {
          amount: formatFen(r.amountFen, lang),
          status: tOps(`refundStatus.${r.status}`, { defaultValue: r.status }),
        }),
      );
      refresh();
    },
    onError: refresh,
  });
  const reject = useMutation({
    mutationFn: (v: { refund: ApprovalRefund; reason: string }) =>
      rejectRefund(institutionId, v.refund.refundId, v.reason),
    onSuccess: (r) => {
      setMessage(t('approvals.rejected', { amount: formatFen(r.amountFen, lang) }));
      setRejecting(null);
      form.resetFields();
      refresh();
    },
    onError: refresh,
  });
  return (
    <Card>
      <Typography.Title level={2} className="ops-heading">
        {t('approvals.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('approvals.intro')}</Typography.Paragraph>
      {message ? <Alert type="success" showIcon role="status" title={message} /> : null}
      <ErrorAlert error={queue.error ?? approve.error ?? reject.error} namespace={NS} onRetry={refresh} />
      <ScrollTable label={t('approvals.title')}>
        <Table<ApprovalRefund>
          rowKey="refundId"
          size="small"
          loading={queue.isPending}
          dataSource={queue.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyText>{t('approvals.none')}</EmptyText> }}
          columns={[
            {
              title: t('approvals.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => formatDateTime(at, lang),
            },
            {
              title: t('approvals.order'),
              key: 'order',
              render: (_: unknown, r) => (
                <Link to={`../orders/${r.orderId}`} relative="path">
                  {t('approvals.openOrder')}
                </Link>
              ),
            },
            {
              title: t('approvals.amount'),
              key: 'amount',
              render: (_: unknown, r) => formatFen(r.amountFen, lang),
            },
            { title: t('approvals.reason'), dataIndex: 'reason' },
            {
              title: t('approvals.requestedBy'),
              key: 'requestedBy',
              render: (_: unknown, r) => {
                const who = requester(r.requestedBy, userId);
                return t(`approvals.requester.${who.kind}`, { id: who.id });
              },
            },
            {
              title: t('approvals.actions'),
              key: 'actions',
              render: (_: unknown, r) => {
                const allowed = canDecide(r, userId);
                const buttons = (
                  <Space>
                    <Popconfirm
                      title={t('approvals.approveConfirm', { amount: formatFen(r.amountFen, lang) })}
                      okText={t('approvals.approve')}
                      onConfirm={() => {
                        approve.mutate(r);
                      }}
                      disabled={!allowed}
                    >
                      <Button type="primary" size="small" disabled={!allowed} loading={approve.isPending}>
                        {t('approvals.approve')}
                      </Button>
                    </Popconfirm>
                    <Button
                      danger
                      size="small"
                      disabled={!allowed}
                      onClick={() => {
                        setRejecting(r);
                      }}
                    >
                      {t('approvals.reject')}
                    </Button>
                  </Space>
                );
                return allowed ? buttons : <Tooltip title={t('approvals.ownRequest')}>{buttons}</Tooltip>;
              },
            },
          ]}
        />
      </ScrollTable>
      <Modal
        open={rejecting !== null}
        title={rejecting ? t('approvals.rejectTitle', { amount: formatFen(rejecting.amountFen, lang) }) : ''}
        okText={t('approvals.rejectSubmit')}
        okButtonProps={{ danger: true, loading: reject.isPending }}
        onCancel={() => {
          setRejecting(null);
        }}
        onOk={() => {
          form.submit();
        }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            if (rejecting) reject.mutate({ refund: rejecting, reason: v.reason.trim() });
          }}
        >
          <Form.Item
            name="reason"
            label={t('approvals.rejectReason')}
            rules={[
              { required: true, whitespace: true, max: 200, message: t('approvals.rejectReasonRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function RefundApprovalsPage() {
  const { t } = useTranslation(NS);
  const institutionId = useInstitutionId();
  return (
    <AdminOnly>
      <div className="ops-stack">
        <Card>
          <PageTitle>{t('nav.approvals')}</PageTitle>
        </Card>
        <AwaitingApproval institutionId={institutionId} />
        <ThresholdSettings institutionId={institutionId} />
      </div>
    </AdminOnly>
  );
}
