import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../ui/ErrorAlert';
import { useAction } from '../ui/use-action';
import { requestFaceReview } from './face-api';

/** Asks a person at the platform to look at a refused face check again (POST face/reviews). */
export function FaceReviewRequest({ verificationId }: { verificationId: string }) {
  const { t } = useTranslation('identity');
  const [sent, setSent] = useState(false);
  const { run, busy, error } = useAction();

  if (sent) return <Alert type="success" showIcon role="status" title={t('face.check.reviewSent')} />;

  const submit = ({ reason }: { reason: string }) =>
    run(async () => {
      await requestFaceReview(verificationId, reason.trim());
      setSent(true);
    });

  return (
    <Form layout="vertical" requiredMark={false} onFinish={(v: { reason: string }) => void submit(v)}>
      <ErrorAlert error={error} namespace="identity" />
      <Form.Item
        label={t('face.check.reviewReason')}
        name="reason"
        extra={t('face.check.reviewReasonHint')}
        rules={[
          { required: true, whitespace: true, max: 1000, message: t('face.check.reviewReasonRequired') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('face.check.reviewSubmit')}
      </Button>
    </Form>
  );
}
