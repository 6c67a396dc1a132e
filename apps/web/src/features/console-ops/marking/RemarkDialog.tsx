import { useMutation } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { REASON_MAX, reasonProblem } from '../shared/reason';
import { markProblem, scriptLabel } from './mark-rules';
import { changeFinalMark, type MarkResult } from './marking-api';
import type { SessionMark } from './use-session-marks';

interface Props {
  institutionId: string;
  examId: string;
  marked: SessionMark;
  onClose: () => void;
  onDone: (result: MarkResult, reason: string) => void;
}

interface Values {
  mark?: number | null;
  reason?: string;
}

/**
 * An org_admin changes an answer's final mark: the new mark (the exam's range and step) and the written reason,
 * both kept in the attempt's score history; nothing is sent until the person confirms.
 */
export function RemarkDialog({ institutionId, examId, marked, onClose, onDone }: Props) {
  const { maxMark, step } = marked;
  const { t } = useTranslation('consoleOps');
  const [form] = Form.useForm<Values>();
  const script = scriptLabel(marked.scriptId);
  const remark = useMutation({
    mutationFn: (values: { mark: number; reason: string }) =>
      changeFinalMark(institutionId, examId, marked, values.mark, values.reason),
    onSuccess: (result, values) => {
      onDone(result, values.reason);
    },
  });
  const confirm = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) remark.mutate({ mark: values.mark ?? 0, reason: (values.reason ?? '').trim() });
  };
  return (
    <Modal
      open
      title={t('remark.title', { script })}
      okText={t('remark.confirm')}
      okButtonProps={{ loading: remark.isPending }}
      cancelText={t('action.cancel')}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('remark.explain', { script, final: marked.finalMark ?? '—' })}
      </Typography.Paragraph>
      <ErrorAlert error={remark.error} namespace="consoleOps" />
      <Form<Values> form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }}>
        <Form.Item
          label={t('remark.markLabel', { max: maxMark, step })}
          name="mark"
          rules={[
            {
              validator: (_rule, value: number | null | undefined) => {
                const problem = markProblem(value, maxMark, step);
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`queue.problems.${problem}`, { max: maxMark, step })));
              },
            },
          ]}
        >
          <InputNumber min={0} max={maxMark} step={step} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t('remark.reason')}
          name="reason"
          extra={t('remark.reasonHint')}
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
