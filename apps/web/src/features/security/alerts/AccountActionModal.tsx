import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ACCOUNT_ACTION_REASONS, type AccountAction, type AccountActionReason } from '../api/types';
import { FormModal } from '../shared/FormModal';

export interface ActionValues {
  reason: AccountActionReason;
  note: string;
}

/** Confirms one action on the account with a reason and a note (both required; the note is kept, hashed in the log). */
export function AccountActionModal({
  action,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  action: AccountAction | null;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (values: ActionValues) => void;
}) {
  const { t } = useTranslation('security');
  const [form] = Form.useForm<ActionValues>();
  return (
    <FormModal<ActionValues>
      open={action !== null}
      title={action ? t(`actions.${action}.title`) : ''}
      okText={action ? t(`actions.${action}.confirm`) : ''}
      danger={action === 'lock'}
      busy={busy}
      error={error}
      form={form}
      intro={action ? <Typography.Paragraph>{t(`actions.${action}.effect`)}</Typography.Paragraph> : null}
      onCancel={onCancel}
      onFinish={onConfirm}
    >
      <Form.Item
        label={t('actions.reason')}
        name="reason"
        rules={[{ required: true, message: t('actions.reasonRequired') }]}
      >
        <Select options={ACCOUNT_ACTION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('actions.note')}
        name="note"
        extra={t('actions.noteHint')}
        rules={[{ required: true, min: 3, max: 2000, whitespace: true, message: t('actions.noteRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
