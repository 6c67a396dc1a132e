import { Button, Card, Form, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { api } from '../../api/http';
import { FaceRecovery } from '../../face/sign-in/FaceRecovery';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { useAction } from '../../ui/use-action';
import { CodeInput } from './CodeInput';
import { PASSWORD_MIN } from './contact-rules';
import { LoginField, NewPasswordField } from './CredentialFields';

type Step = 'ask' | 'confirm' | 'done';

/**
 * Password recovery with a one-time code sent to the account's phone or email. The service answers the same
 * whether or not the account exists, and so does this page.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const { run, busy, error, setError } = useAction();
  const [step, setStep] = useState<Step>('ask');
  const [login, setLogin] = useState('');
  const [byFace, setByFace] = useState(false);

  if (step === 'done') {
    return (
      <Result
        status="success"
        title={t('forgot.doneTitle')}
        subTitle={t('forgot.doneBody')}
        extra={
          <LinkButton to="/sign-in" type="primary">
            {t('signIn.submit')}
          </LinkButton>
        }
      />
    );
  }

  return (
    <Card style={{ maxWidth: 440, margin: '0 auto' }}>
      <PageTitle>{t('forgot.title')}</PageTitle>
      <ErrorAlert error={error} namespace="auth" />
      {byFace ? (
        <FaceRecovery
          onDone={() => {
            setStep('done');
          }}
          onCancel={() => {
            setByFace(false);
          }}
        />
      ) : step === 'ask' ? (
        <Form
          layout="vertical"
          style={{ marginTop: 16 }}
          requiredMark={false}
          onFinish={(v: { login: string }) =>
            void run(async () => {
              const value = v.login.trim();
              await api('/accounts/password-resets', { anonymous: true, body: { login: value } });
              setLogin(value);
              setStep('confirm');
            })
          }
        >
          <Typography.Paragraph>{t('forgot.intro')}</Typography.Paragraph>
          <LoginField label={t('forgot.login')} />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('forgot.send')}
            </Button>
            <Button
              onClick={() => {
                setError(null);
                setByFace(true);
              }}
            >
              {t('face.recovery')}
            </Button>
            <Link to="/sign-in">{t('forgot.back')}</Link>
          </Space>
        </Form>
      ) : (
        <Form
          layout="vertical"
          style={{ marginTop: 16 }}
          requiredMark={false}
          onFinish={(v: { code: string; newPassword: string }) =>
            void run(async () => {
              await api('/accounts/password-resets/confirm', {
                anonymous: true,
                body: { login, code: v.code, newPassword: v.newPassword },
              });
              setStep('done');
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
    </Card>
  );
}
