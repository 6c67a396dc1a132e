import { App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { withRecentAuthentication } from '../account/recent-auth';
import type { SignedOutState } from '../account/use-forget-session';
import { erasureConsequences } from './erasure-consequences';
import { privacyApi } from './privacy-api';
import { useMyData } from './use-my-data';

interface Confirmation {
  understood: boolean;
  currentPassword: string;
}

/** Account cancellation (注销): the consequences first, a ticked confirmation, the password, a last question. */
export function ErasureSection() {
  const { t } = useTranslation('privacy');
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const data = useMyData();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const erase = async (currentPassword: string) => {
    setBusy(true);
    setError(null);
    try {
      const done = await withRecentAuthentication(currentPassword, () => privacyApi.erase(currentPassword));
      // The service ended every session and cleared the cookie; the next page forgets this tab's token.
      const state: SignedOutState & { deadline: string } = { signedOut: true, deadline: done.deadline };
      await navigate('/privacy/cancelled', { replace: true, state });
    } catch (caught: unknown) {
      setError(caught);
      setBusy(false);
    }
  };

  const ask = (values: Confirmation) => {
    modal.confirm({
      title: t('erasure.confirmTitle'),
      content: t('erasure.confirmBody'),
      okText: t('erasure.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common:actions.cancel'),
      onOk: () => {
        void erase(values.currentPassword);
      },
    });
  };

  return (
    <>
      <Typography.Paragraph>{t('erasure.intro')}</Typography.Paragraph>
      <ul>
        {erasureConsequences(data.data).map((c) => (
          <li key={c.key}>{t(c.key, c.values)}</li>
        ))}
      </ul>
      <ErrorAlert error={error} namespace="privacy" />
      <Form<Confirmation>
        name="erasure"
        layout="vertical"
        requiredMark={false}
        initialValues={{ understood: false }}
        onFinish={ask}
        style={{ marginTop: 16, maxWidth: 480 }}
      >
        <Form.Item
          name="understood"
          valuePropName="checked"
          rules={[
            {
              validator: (_rule, value: boolean) =>
                value ? Promise.resolve() : Promise.reject(new Error(t('erasure.mustUnderstand'))),
            },
          ]}
        >
          <Checkbox>{t('erasure.understood')}</Checkbox>
        </Form.Item>
        <Form.Item
          label={t('erasure.password')}
          name="currentPassword"
          rules={[{ required: true, message: t('erasure.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button danger type="primary" htmlType="submit" loading={busy}>
          {t('erasure.submit')}
        </Button>
      </Form>
    </>
  );
}
