import { CheckCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from './format-date';
import { type Consent, CONSENT_PURPOSES, type ConsentPurpose, privacyApi, privacyKeys } from './privacy-api';

/** One line per optional purpose: what it is for, what withdrawing means, and the switch either way. */
export function ConsentsSection() {
  const { t, i18n } = useTranslation('privacy');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const consents = useQuery({ queryKey: privacyKeys.consents, queryFn: privacyApi.consents });
  const [failed, setFailed] = useState<{ purpose: ConsentPurpose; error: unknown } | null>(null);

  const change = useMutation({
    mutationFn: ({ purpose, granted }: { purpose: ConsentPurpose; granted: boolean }) =>
      privacyApi.setConsent(purpose, granted),
    onMutate: () => {
      setFailed(null);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData<Consent[]>(privacyKeys.consents, (old) =>
        old?.map((c) => (c.purpose === updated.purpose ? updated : c)),
      );
      void queryClient.invalidateQueries({ queryKey: privacyKeys.dataExport });
      const purpose = t(`consents.purposes.${updated.purpose}.title`);
      void message.success(
        updated.granted ? t('consents.grantedDone', { purpose }) : t('consents.withdrawn', { purpose }),
      );
    },
    onError: (error, { purpose }) => {
      setFailed({ purpose, error });
    },
  });

  if (consents.isPending) return <Skeleton active />;
  if (consents.error)
    return <ErrorAlert error={consents.error} namespace="privacy" onRetry={() => void consents.refetch()} />;

  const byPurpose = new Map(consents.data.map((c) => [c.purpose, c]));
  const rows = CONSENT_PURPOSES.flatMap((p) => {
    const c = byPurpose.get(p);
    return c ? [c] : [];
  });

  return (
    <>
      <Typography.Paragraph>{t('consents.intro')}</Typography.Paragraph>
      <List
        dataSource={rows}
        rowKey="purpose"
        renderItem={(consent) => {
          const title = t(`consents.purposes.${consent.purpose}.title`);
          const busy = change.isPending && change.variables.purpose === consent.purpose;
          return (
            <List.Item>
              <section aria-label={title} style={{ width: '100%' }}>
                <Space wrap align="center">
                  <h3 className="card-heading">{title}</h3>
                  <Tag icon={consent.granted ? <CheckCircleOutlined /> : <MinusCircleOutlined />}>
                    {consent.granted ? t('consents.granted') : t('consents.notGranted')}
                  </Tag>
                  {consent.updatedAt ? (
                    <Typography.Text type="secondary">
                      {t('consents.since', { date: formatDateTime(consent.updatedAt, i18n.language) })}
                    </Typography.Text>
                  ) : null}
                </Space>
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 4 }}>
                  <Typography.Text strong>{t('consents.whatItIs')}</Typography.Text>
                  {t(`consents.purposes.${consent.purpose}.what`)}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{t('consents.ifWithdrawn')}</Typography.Text>
                  {t(`consents.purposes.${consent.purpose}.withdraw`)}
                </Typography.Paragraph>
                {failed?.purpose === consent.purpose ? (
                  <ErrorAlert error={failed.error} namespace="privacy" />
                ) : null}
                <Button
                  danger={consent.granted}
                  type={consent.granted ? 'default' : 'primary'}
                  loading={busy}
                  disabled={change.isPending && !busy}
                  aria-label={t('consents.actionFor', {
                    action: consent.granted ? t('consents.withdraw') : t('consents.grant'),
                    purpose: title,
                  })}
                  onClick={() => {
                    change.mutate({ purpose: consent.purpose, granted: !consent.granted });
                  }}
                  style={{ marginTop: 4 }}
                >
                  {consent.granted ? t('consents.withdraw') : t('consents.grant')}
                </Button>
              </section>
            </List.Item>
          );
        }}
      />
    </>
  );
}
