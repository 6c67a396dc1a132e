import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { signOutEverywhere } from '../../auth/auth-actions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../privacy/format-date';
import { accountApi, accountKeys, type SessionInfo } from './account-api';
import { deviceOf, orderSessions } from './session-label';

/** My signed-in devices: which, where (coarse region, masked IP), when; end one, or all of them. */
export function SessionsSection() {
  const { t, i18n } = useTranslation('account');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: accountKeys.sessions, queryFn: accountApi.sessions });
  const [error, setError] = useState<unknown>(null);

  const end = useMutation({
    mutationFn: (sessionId: string) => accountApi.endSession(sessionId),
    onMutate: () => {
      setError(null);
    },
    onSuccess: () => {
      void message.success(t('sessions.ended'));
    },
    onError: setError,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });

  const everywhere = () => {
    modal.confirm({
      title: t('sessions.everywhereConfirm'),
      content: t('sessions.everywhereHint'),
      okText: t('sessions.everywhere'),
      okButtonProps: { danger: true },
      cancelText: t('common:actions.cancel'),
      onOk: async () => {
        try {
          await signOutEverywhere();
          await navigate('/sign-in', { replace: true });
        } catch (caught: unknown) {
          setError(caught);
        }
      },
    });
  };

  const label = (s: SessionInfo) => {
    const device = deviceOf(s.userAgent);
    return t('sessions.device', {
      browser: t(`sessions.browsers.${device.browser}`),
      os: t(`sessions.systems.${device.os}`),
    });
  };

  if (sessions.isPending) return <Skeleton active />;
  if (sessions.error)
    return <ErrorAlert error={sessions.error} namespace="account" onRetry={() => void sessions.refetch()} />;

  return (
    <>
      <Typography.Paragraph>{t('sessions.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} namespace="account" />
      <List
        dataSource={orderSessions(sessions.data)}
        rowKey="sessionId"
        renderItem={(s) => {
          const device = label(s);
          const lastActive = formatDateTime(s.lastUsedAt, i18n.language);
          return (
            <List.Item
              actions={
                s.current
                  ? []
                  : [
                      <Button
                        key="end"
                        aria-label={t('sessions.endLabel', { device, time: lastActive })}
                        loading={end.isPending && end.variables === s.sessionId}
                        onClick={() => {
                          end.mutate(s.sessionId);
                        }}
                      >
                        {t('sessions.end')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{device}</span>
                    {s.current ? <Tag color="blue">{t('sessions.current')}</Tag> : null}
                  </Space>
                }
                description={
                  <Space wrap separator="·">
                    <span>{s.region ?? t('sessions.unknownRegion')}</span>
                    <span>{t('sessions.ip', { ip: s.maskedIp })}</span>
                    <span>{t('sessions.lastActive', { time: lastActive })}</span>
                    <span>
                      {t('sessions.signedInAt', { time: formatDateTime(s.createdAt, i18n.language) })}
                    </span>
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      <Typography.Paragraph style={{ marginTop: 16 }}>{t('sessions.everywhereHint')}</Typography.Paragraph>
      <Button danger onClick={everywhere}>
        {t('sessions.everywhere')}
      </Button>
    </>
  );
}
