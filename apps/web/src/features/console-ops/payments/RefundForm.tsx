import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { newIdempotencyKey } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatFen, yuanToFen } from './money';
import { type OrderRefund, requestRefund } from './payments-api';

interface Props {
  institutionId: string;
  orderId: string;
  refundableFen: number;
  onRefunded: () => void;
}

interface Values {
  amount: string;
  reason: string;
}

/** A staff refund of (part of) a paid order, with a reason and a confirmation; settled through the provider. */
export function RefundForm({ institutionId, orderId, refundableFen, onRefunded }: Props) {
  const { t, i18n } = useTranslation('consoleOps');
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  // One key per refund the person means: a retry of the same request never refunds twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const [pending, setPending] = useState<{ amountFen: number; reason: string } | null>(null);
  const [done, setDone] = useState<OrderRefund | null>(null);
  const refund = useMutation({
    mutationFn: (v: { amountFen: number; reason: string }) =>
      requestRefund(institutionId, orderId, v.amountFen, v.reason, key),
    onSuccess: (result) => {
      setDone(result);
      setPending(null);
      setKey(newIdempotencyKey());
      form.resetFields();
      onRefunded();
    },
  });
  return (
    <section aria-labelledby="refund-form">
      <Card>
        <Typography.Title level={2} id="refund-form" className="ops-heading">
          {t('refund.title')}
        </Typography.Title>
        <Typography.Paragraph>
          {t('refund.refundable', { amount: formatFen(refundableFen, lang) })}
        </Typography.Paragraph>
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('refund.done', {
              amount: formatFen(done.amountFen, lang),
              status: t(`refundStatus.${done.status}`, { defaultValue: done.status }),
            })}
          />
        ) : null}
        <ErrorAlert error={pending ? null : refund.error} namespace="consoleOps" />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            refund.reset();
            setPending({ amountFen: yuanToFen(v.amount) ?? 0, reason: v.reason.trim() });
          }}
        >
          <Form.Item
            label={t('refund.amount')}
            name="amount"
            rules={[
              {
                validator: (_rule, value: string | undefined) => {
                  const fen = yuanToFen(value ?? '');
                  if (fen === null || fen <= 0) return Promise.reject(new Error(t('refund.amountInvalid')));
                  if (fen > refundableFen)
                    return Promise.reject(
                      new Error(t('refund.amountTooHigh', { amount: formatFen(refundableFen, lang) })),
                    );
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input inputMode="decimal" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item
            label={t('refund.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, max: 200, message: t('refund.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
          <Button htmlType="submit">{t('refund.submit')}</Button>
        </Form>
        {pending ? (
          <Modal
            open
            title={t('refund.confirmTitle')}
            okText={t('refund.confirm')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true, loading: refund.isPending }}
            onOk={() => {
              refund.mutate(pending);
            }}
            onCancel={() => {
              setPending(null);
            }}
          >
            <Typography.Paragraph>
              {t('refund.confirmBody', {
                amount: formatFen(pending.amountFen, lang),
                reason: pending.reason,
              })}
            </Typography.Paragraph>
            <ErrorAlert error={refund.error} namespace="consoleOps" />
          </Modal>
        ) : null}
      </Card>
    </section>
  );
}
