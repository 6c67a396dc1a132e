import { Button, Card, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { api } from '../../api/http';
import { signIn } from '../../auth/auth-actions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';
import { useAction } from '../../ui/use-action';
import { CodeInput } from './CodeInput';
import { MAINLAND_MOBILE, PASSWORD_MIN } from './contact-rules';
import { NewPasswordField } from './CredentialFields';
import { usePolicyVersion } from './use-policy';

interface Details {
  channel: 'phone' | 'email';
  contact: string;
  nickname: string;
  password: string;
  accepted: boolean;
}

interface Started {
  registrationId: string;
  channel: 'sms' | 'email';
  phone?: string;
  email?: string;
  codeExpiresInSeconds: number;
  login: string;
  password: string;
}

/** Sign-up with a phone number or an email address, the policy accepted, then the one-time code. */
export function SignUpPage() {
  const { t } = useTranslation('auth');
  const { run, busy, error } = useAction();
  const navigate = useNavigate();
  const policy = usePolicyVersion();
  const [started, setStarted] = useState<Started | null>(null);
  const [form] = Form.useForm<Details>();
  const channel: Details['channel'] | undefined = Form.useWatch('channel', form);

  const onDetails = (values: Details) =>
    run(async () => {
      const contact = values.contact.trim();
      const answer = await api<Omit<Started, 'login' | 'password'>>('/accounts/registrations', {
        anonymous: true,
        body: {
          ...(values.channel !== 'email' ? { phone: contact } : { email: contact }),
          nickname: values.nickname.trim(),
          password: values.password,
          ...(policy.data ? { acceptedPolicyVersion: policy.data.version } : {}),
        },
      });
      setStarted({ ...answer, login: contact, password: values.password });
    });

  const onCode = (values: { code: string }) =>
    run(async () => {
      if (!started) return;
      await api(`/accounts/registrations/${started.registrationId}/verify`, {
        anonymous: true,
        body: { code: values.code },
      });
      const result = await signIn(started.login, started.password);
      void navigate(result.kind === 'signed_in' ? '/identity' : '/sign-in', { replace: true });
    });

  const resend = () =>
    run(async () => {
      if (!started) return;
      await api(`/accounts/registrations/${started.registrationId}/code`, {
        anonymous: true,
        method: 'POST',
      });
    });

  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }}>
      <PageTitle>{t('signUp.title')}</PageTitle>
      <ErrorAlert error={error} namespace="auth" />
      {started ? (
        <Form layout="vertical" onFinish={(v: { code: string }) => void onCode(v)} style={{ marginTop: 16 }}>
          <Typography.Paragraph>
            {t('signUp.codeSent', {
              to: started.phone ?? started.email ?? '',
              minutes: Math.max(1, Math.round(started.codeExpiresInSeconds / 60)),
            })}
          </Typography.Paragraph>
          <CodeInput name="code" label={t('signUp.code')} />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('signUp.verify')}
            </Button>
            <Button onClick={() => void resend()} disabled={busy}>
              {t('signUp.resend')}
            </Button>
          </Space>
        </Form>
      ) : (
        <Form<Details>
          form={form}
          layout="vertical"
          initialValues={{ channel: 'phone', accepted: false }}
          onFinish={(v) => void onDetails(v)}
          style={{ marginTop: 16 }}
          requiredMark={false}
        >
          <Form.Item label={t('signUp.channel')} name="channel">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'phone', label: t('signUp.byPhone') },
                { value: 'email', label: t('signUp.byEmail') },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={channel !== 'email' ? t('signUp.phone') : t('signUp.email')}
            name="contact"
            rules={
              channel !== 'email'
                ? [{ required: true, pattern: MAINLAND_MOBILE, message: t('signUp.phoneInvalid') }]
                : [{ required: true, type: 'email', message: t('signUp.emailInvalid') }]
            }
          >
            <Input
              autoComplete={channel !== 'email' ? 'tel' : 'email'}
              inputMode={channel !== 'email' ? 'tel' : 'email'}
            />
          </Form.Item>
          <Form.Item
            label={t('signUp.nickname')}
            name="nickname"
            rules={[{ required: true, whitespace: true, max: 64, message: t('signUp.nicknameInvalid') }]}
          >
            <Input autoComplete="nickname" />
          </Form.Item>
          <NewPasswordField
            name="password"
            label={t('signUp.password')}
            extra={t('signUp.passwordHint', { min: PASSWORD_MIN })}
            invalidMessage={t('signUp.passwordInvalid', { min: PASSWORD_MIN })}
          />
          <Form.Item
            name="accepted"
            valuePropName="checked"
            rules={[
              {
                validator: (_rule, value: boolean) =>
                  value ? Promise.resolve() : Promise.reject(new Error(t('signUp.mustAccept'))),
              },
            ]}
          >
            <Checkbox>
              {t('signUp.accept')}{' '}
              <Link to="/privacy/policy" target="_blank">
                {t('signUp.policy', { version: policy.data?.version ?? '' })}
              </Link>
            </Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signUp.submit')}
          </Button>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
          </Typography.Paragraph>
        </Form>
      )}
    </Card>
  );
}
