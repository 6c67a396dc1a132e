import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { refreshSession } from '../../api/http';
import { signOut } from '../../auth/auth-actions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { formatDate } from './format-date';
import { PolicyText } from './PolicyText';
import { privacyApi } from './privacy-api';
import { usePolicyText } from './use-policies';

interface Props {
  /** The version the session must accept (`current` when only "the one in force" is known). */
  version: string;
  /** Where to go once accepted; by default the page asked for shows in place. */
  onAccepted?: () => void;
}

/**
 * Read and accept a materially changed policy before anything else (ADR 0015): record the acceptance, then a
 * refreshed token without the `pendingPolicy` claim opens the rest of the platform.
 */
export function PolicyAcceptancePage({ version, onAccepted }: Props) {
  const { t, i18n } = useTranslation('privacy');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const policy = usePolicyText(version);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    if (!policy.data) return;
    setBusy(true);
    setError(null);
    try {
      await privacyApi.acceptPolicy(policy.data.version);
      await refreshSession();
      // Pages refused while the policy was pending load again now.
      void queryClient.invalidateQueries();
      onAccepted?.();
    } catch (caught: unknown) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const shownVersion = policy.data?.version ?? (version === 'current' ? '' : version);

  return (
    <Card>
      <PageTitle>{t('gate.title')}</PageTitle>
      <Typography.Paragraph>{t('gate.intro', { version: shownVersion })}</Typography.Paragraph>
      {policy.isPending ? <Skeleton active /> : null}
      <ErrorAlert error={policy.error ?? error} namespace="privacy" />
      {policy.data ? (
        <section aria-label={t('policy.versionTitle', { version: policy.data.version })}>
          <Typography.Paragraph type="secondary">
            {t('policy.effective', { date: formatDate(policy.data.effectiveAt, i18n.language) })}
          </Typography.Paragraph>
          <PolicyText text={policy.data.text ?? ''} />
          <Form name="policyAcceptance" layout="vertical" requiredMark={false} onFinish={() => void accept()}>
            <Form.Item
              name="agreed"
              valuePropName="checked"
              rules={[
                {
                  validator: (_rule, value: boolean) =>
                    value ? Promise.resolve() : Promise.reject(new Error(t('gate.mustAgree'))),
                },
              ]}
            >
              <Checkbox>{t('gate.agree')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('gate.accept')}
            </Button>
          </Form>
        </section>
      ) : null}
      <Typography.Paragraph style={{ marginTop: 24 }}>{t('gate.disagree')}</Typography.Paragraph>
      <Space wrap>
        <LinkButton to="/privacy">{t('gate.goToCentre')}</LinkButton>
        <Button
          onClick={() => {
            void signOut().finally(() => void navigate('/sign-in'));
          }}
        >
          {t('gate.signOut')}
        </Button>
      </Space>
    </Card>
  );
}
