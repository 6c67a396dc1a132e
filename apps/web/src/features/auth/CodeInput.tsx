import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The six-digit one-time code field, with the phone's one-time-code autofill. */
export function CodeInput({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation('auth');
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('code.sixDigits') }]}
    >
      <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} />
    </Form.Item>
  );
}
