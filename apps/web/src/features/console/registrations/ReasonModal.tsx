import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';

interface Props {
  title: string;
  /** What the reason is for, said above the field. */
  intro: string;
  label: string;
  okText: string;
  minLength: number;
  busy: boolean;
  error: unknown;
  danger?: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** Rendered only while needed (so its form mounts with it): a dialog asking for a written reason (a rejection the candidate reads, or a reveal the audit keeps). */
export function ReasonModal(props: Props) {
  const { t } = useTranslation('console');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('cancel')}
      okButtonProps={{ danger: props.danger ?? false, loading: props.busy }}
      onOk={() => {
        form.submit();
      }}
      onCancel={props.onCancel}
    >
      <Alert type="info" title={props.intro} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        name="reason"
        preserve={false}
        onFinish={(values) => {
          props.onSubmit(values.reason);
        }}
      >
        <Form.Item
          name="reason"
          label={props.label}
          rules={[
            { required: true, whitespace: true, message: t('reason.required') },
            { min: props.minLength, message: t('reason.tooShort', { n: props.minLength }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <ErrorAlert error={props.error} namespace="console" />
    </Modal>
  );
}
