import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';

/**
 * A step confirmed in a dialog with its form (a reason, a note): OK submits the form, so its rules run first;
 * the failure is said in words above it; closing forgets what was typed. `form` is the caller's, so that the
 * caller can watch a field.
 */
export function FormModal<V extends object>({
  open,
  title,
  okText,
  danger = false,
  busy,
  error,
  form,
  initialValues,
  intro,
  onCancel,
  onFinish,
  children,
}: {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  /** Said above the form (and above its failure). */
  intro?: ReactNode;
  onCancel: () => void;
  onFinish: (values: V) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('security');
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => {
        form.submit();
      }}
      destroyOnHidden
      wrapClassName="security-console"
    >
      {intro}
      <ErrorAlert error={error} namespace="security" />
      <Form<V> form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
