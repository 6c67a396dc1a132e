import { useMutation } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { REASON_MAX, reasonProblem } from '../shared/reason';
import { type StaffAction, type StaffActionResult, takeStaffAction } from './proctoring-api';

interface Props {
  institutionId: string;
  attemptId: string;
  /** How the candidate is named on the board (ticket or registration number). */
  who: string;
  action: StaffAction;
  onClose: () => void;
  onDone: (result: StaffActionResult) => void;
}

interface Values {
  minutes?: number;
  reason?: string;
}

/**
 * The confirmation of one staff action on an attempt: says what will happen, asks the written reason (kept for
 * the audit) and, for extra time, how many minutes; nothing is sent until the person confirms.
 */
export function StaffActionDialog({ institutionId, attemptId, who, action, onClose, onDone }: Props) {
  const { t } = useTranslation('consoleOps');
  const [form] = Form.useForm<Values>();
  const act = useMutation({
    mutationFn: (values: Values) =>
      takeStaffAction(institutionId, attemptId, action, (values.reason ?? '').trim(), values.minutes),
    onSuccess: onDone,
  });
  const confirm = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) act.mutate(values);
  };
  return (
    <Modal
      open
      title={t(`action.${action}.title`, { who })}
      okText={t(`action.${action}.confirm`)}
      okButtonProps={{ danger: action === 'terminate', loading: act.isPending }}
      cancelText={t('action.cancel')}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(`action.${action}.explain`, { who })}</Typography.Paragraph>
      <ErrorAlert error={act.error} namespace="consoleOps" />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ minutes: 5 }}
        style={{ marginTop: 12 }}
      >
        {action === 'add_time' ? (
          <Form.Item
            label={t('action.minutes')}
            name="minutes"
            rules={[{ required: true, type: 'integer', min: 1, max: 240, message: t('action.minutesRange') }]}
          >
            <InputNumber min={1} max={240} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t('action.reason')}
          name="reason"
          extra={t('action.reasonHint')}
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const problem = reasonProblem(value);
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`reason.${problem}`)));
              },
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
