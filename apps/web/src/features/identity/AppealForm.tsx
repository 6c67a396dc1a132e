import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAction } from '../../ui/use-action';
import { type AppealKind, fileAppeal } from './real-name-api';

interface Props {
  kind: AppealKind;
  /** For `id_number_taken`: the number the person says is theirs (kept in memory only). */
  idNumber?: string;
}

/** A request for staff to look at the case: an ID number verified on another account, or a correction. */
export function AppealForm({ kind, idNumber }: Props) {
  const { t } = useTranslation('identity');
  const [sent, setSent] = useState(false);
  const { run, busy, error } = useAction();

  if (sent) return <Alert type="success" showIcon role="status" title={t('appeal.sent')} />;

  const submit = ({ reason }: { reason: string }) =>
    run(async () => {
      await fileAppeal(kind, reason.trim(), idNumber);
      setSent(true);
    });

  return (
    <Form layout="vertical" requiredMark={false} onFinish={(v: { reason: string }) => void submit(v)}>
      <ErrorAlert error={error} namespace="identity" />
      <Form.Item
        label={t('appeal.reason')}
        name="reason"
        extra={t(kind === 'id_number_taken' ? 'appeal.takenHint' : 'appeal.changeHint')}
        rules={[{ required: true, whitespace: true, min: 10, max: 500, message: t('appeal.reasonLength') }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('appeal.submit')}
      </Button>
    </Form>
  );
}
