import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { type Resolution, RESOLUTIONS } from '../api/types';

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
    <Modal
      open={open}
      title={t('workflow.resolveTitle')}
      okText={t('workflow.resolveConfirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => {
        form.submit();
      }}
      destroyOnHidden
      wrapClassName="security-console"
    >
      <ErrorAlert error={error} namespace="security" />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onResolve}
        initialValues={{ resolution: 'false_positive' }}
      >
        <Form.Item label={t('workflow.resolution')} name="resolution" rules={[{ required: true }]}>
          <Radio.Group options={RESOLUTIONS.map((r) => ({ value: r, label: t(`resolution.${r}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('workflow.note')}
          name="note"
          rules={[
            { required: true, min: 3, max: 4000, whitespace: true, message: t('workflow.noteRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
