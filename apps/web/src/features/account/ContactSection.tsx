import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAction } from '../../ui/use-action';
import { CodeInput } from '../auth/CodeInput';
import { MAINLAND_MOBILE } from '../auth/contact-rules';
import { privacyKeys } from '../privacy/privacy-api';
import { useMyData } from '../privacy/use-my-data';
import {
  accountApi,
  accountKeys,
  type ContactChanged,
  type ContactChangeStarted,
  type ContactKind,
} from './account-api';
import { withRecentAuthentication } from './recent-auth';

interface Request {
  kind: ContactKind;
  value: string;
  currentPassword: string;
}

/** A new phone or email: the password starts it, the code sent to the new contact confirms it. */
export function ContactSection() {
  const { t } = useTranslation('account');
  const { run, busy, error, setError } = useAction();
  const queryClient = useQueryClient();
  const myData = useMyData();
  const [form] = Form.useForm<Request>();
  const kind: ContactKind | undefined = Form.useWatch('kind', form);
  const [started, setStarted] = useState<ContactChangeStarted | null>(null);
  const [changed, setChanged] = useState<ContactChanged | null>(null);

  const start = (values: Request) =>
    run(async () => {
      const answer = await withRecentAuthentication(values.currentPassword, () =>
        accountApi.startContactChange(values.kind, values.value.trim(), values.currentPassword),
      );
      form.resetFields(['currentPassword']);
      setChanged(null);
      setStarted(answer);
    });

  const confirm = ({ code }: { code: string }) =>
    run(async () => {
      const done = await accountApi.confirmContactChange(code);
      setStarted(null);
      setChanged(done);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: privacyKeys.dataExport });
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    });

  const profile = myData.data?.profile;

  return (
    <>
      <Typography.Paragraph>{t('contact.intro')}</Typography.Paragraph>
      {profile ? (
        <ul>
          <li>{t('contact.currentPhone', { value: profile.phone ?? t('contact.none') })}</li>
          <li>{t('contact.currentEmail', { value: profile.email ?? t('contact.none') })}</li>
        </ul>
      ) : null}
      {changed ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('contact.done', { value: changed.phone ?? changed.email ?? '' })}
          description={
            changed.endedSessions > 0 ? t('contact.doneOthers', { count: changed.endedSessions }) : undefined
          }
        />
      ) : null}
      <ErrorAlert error={error} namespace="account" />
      {started ? (
        <Form
          name="contactCode"
          layout="vertical"
          onFinish={(v: { code: string }) => void confirm(v)}
          style={{ marginTop: 16 }}
        >
          <Typography.Paragraph>
            {t('contact.codeSent', {
              to: started.phone ?? started.email ?? '',
              minutes: Math.max(1, Math.round(started.codeExpiresInSeconds / 60)),
            })}
          </Typography.Paragraph>
          <CodeInput name="code" label={t('contact.code')} />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('contact.confirm')}
            </Button>
            <Button
              onClick={() => {
                setStarted(null);
                setError(null);
              }}
            >
              {t('contact.startOver')}
            </Button>
          </Space>
        </Form>
      ) : (
        <Form<Request>
          name="contactChange"
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ kind: 'phone' }}
          onFinish={(v) => void start(v)}
          style={{ marginTop: 16, maxWidth: 400 }}
        >
          <Form.Item label={t('contact.kind')} name="kind">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'phone', label: t('contact.phone') },
                { value: 'email', label: t('contact.email') },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={kind === 'email' ? t('contact.newEmail') : t('contact.newPhone')}
            name="value"
            rules={
              kind === 'email'
                ? [{ required: true, type: 'email', message: t('contact.emailInvalid') }]
                : [{ required: true, pattern: MAINLAND_MOBILE, message: t('contact.phoneInvalid') }]
            }
          >
            <Input
              autoComplete={kind === 'email' ? 'email' : 'tel'}
              inputMode={kind === 'email' ? 'email' : 'tel'}
            />
          </Form.Item>
          <Form.Item
            label={t('contact.password')}
            name="currentPassword"
            rules={[{ required: true, message: t('contact.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('contact.send')}
          </Button>
        </Form>
      )}
    </>
  );
}
