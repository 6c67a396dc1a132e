import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import { type Resolution, RESOLUTIONS } from '../api/types';
import { FormModal } from '../shared/FormModal';

interface Values {
  resolution: Resolution;
  note: string;
}

/** Closing an alert: benign (false positive) or a real attack (true positive), with a note of why. */
export function ResolveModal({
  open,
  busy,
  error,
  onCancel,
  onResolve,
}: {
  open: boolean;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onResolve: (values: Values) => void;
}) {
  const { t } = useTranslation('security');
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={open}
      title={t('workflow.resolveTitle')}
      okText={t('workflow.resolveConfirm')}
      busy={busy}
      error={error}
      form={form}
      initialValues={{ resolution: 'false_positive' }}
      onCancel={onCancel}
      onFinish={onResolve}
    >
      <Form.Item label={t('workflow.resolution')} name="resolution" rules={[{ required: true }]}>
        <Radio.Group options={RESOLUTIONS.map((r) => ({ value: r, label: t(`resolution.${r}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('workflow.note')}
        name="note"
        rules={[{ required: true, min: 3, max: 4000, whitespace: true, message: t('workflow.noteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
