import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { PASSWORD_MAX, PASSWORD_MIN } from './contact-rules';

/** The sign-in name (phone, email or user name) an account is found by, with the browser's username autofill. */
export function LoginField({ label }: { label: string }) {
  const { t } = useTranslation('auth');
  return (
    <Form.Item
      label={label}
      name="login"
      rules={[{ required: true, whitespace: true, message: t('signIn.loginRequired') }]}
    >
      <Input autoComplete="username" />
    </Form.Item>
  );
}

/** A new password, refused in the form when accounts would refuse it (its length), for a password manager to fill. */
export function NewPasswordField({
  name,
  label,
  extra,
  invalidMessage,
}: {
  name: string;
  label: string;
  extra?: ReactNode;
  invalidMessage: string;
}) {
  return (
    <Form.Item
      label={label}
      name={name}
      extra={extra}
      rules={[{ required: true, min: PASSWORD_MIN, max: PASSWORD_MAX, message: invalidMessage }]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
