import { Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CodeInput } from '../../features/auth/CodeInput';
import { PASSWORD_MIN } from '../../features/auth/contact-rules';
import { LoginField, NewPasswordField } from '../../features/auth/CredentialFields';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAction } from '../../ui/use-action';
import { PreAuthFaceCheck } from '../PreAuthFaceCheck';
import { confirmFaceReset, requestFaceResetTicket } from './face-sign-in-api';

type Step = { kind: 'ask' } | { kind: 'face'; ticket: string } | { kind: 'confirm'; faceCheckToken: string };

/** Password recovery by face: the face check, then the code sent to the account's phone or email. */
export function FaceRecovery({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('auth');
  const { run, busy, error } = useAction();
  const [step, setStep] = useState<Step>({ kind: 'ask' });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
      <ErrorAlert error={error} namespace="auth" />
      {step.kind === 'ask' && (
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { login: string }) =>
            void run(async () => {
              const { faceTicket } = await requestFaceResetTicket(v.login.trim());
              setStep({ kind: 'face', ticket: faceTicket });
            })
          }
        >
          <Typography.Paragraph>{t('face.recoveryIntro')}</Typography.Paragraph>
          <LoginField label={t('forgot.login')} />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('face.continue')}
            </Button>
            <Button onClick={onCancel}>{t('face.useCode')}</Button>
          </Space>
        </Form>
      )}
      {step.kind === 'face' && (
        <PreAuthFaceCheck
          ticket={step.ticket}
          onPassed={(faceCheckToken) => {
            setStep({ kind: 'confirm', faceCheckToken });
          }}
          onCancel={onCancel}
        />
      )}
      {step.kind === 'confirm' && (
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { code: string; newPassword: string }) =>
            void run(async () => {
              await confirmFaceReset(step.faceCheckToken, v.code, v.newPassword);
              onDone();
            })
          }
        >
          <Typography.Paragraph>{t('forgot.codeSent')}</Typography.Paragraph>
          <CodeInput name="code" label={t('forgot.code')} />
          <NewPasswordField
            name="newPassword"
            label={t('forgot.newPassword')}
            invalidMessage={t('signUp.passwordInvalid', { min: PASSWORD_MIN })}
          />
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('forgot.confirm')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
