import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { PASSWORD_MIN } from '../auth/contact-rules';
import { NewPasswordField } from '../auth/CredentialFields';
import { accountApi } from './account-api';
import { withRecentAuthentication } from './recent-auth';
import type { SignedOutState } from './use-forget-session';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** Change my password; every session ends with it, so the person signs in again with the new one. */
export function PasswordSection() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const change = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await withRecentAuthentication(values.currentPassword, () =>
        accountApi.changePassword(values.currentPassword, values.newPassword),
      );
      // Every session ended with the change; the next page forgets this tab's token.
      const state: SignedOutState = { signedOut: true };
      await navigate('/account/password-changed', { replace: true, state });
    } catch (caught: unknown) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph>{t('password.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} namespace="account" />
      <Form<Values>
        name="passwordChange"
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void change(v)}
        style={{ marginTop: 16, maxWidth: 400 }}
      >
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordField
          name="newPassword"
          label={t('password.new')}
          extra={t('password.newHint', { min: PASSWORD_MIN })}
          invalidMessage={t('password.newInvalid', { min: PASSWORD_MIN })}
        />
        <Form.Item
          label={t('password.repeat')}
          name="repeat"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </>
  );
}
