import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { AlertDetail } from '../api/types';
import { ResolveModal } from './ResolveModal';
import { useAlertMutations } from './use-alert-mutations';

/** The review steps the alert's status allows: acknowledge, take it, investigate, close. */
export function AlertWorkflowCard({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation('security');
  const { message, modal } = App.useApp();
  const me = useSession()?.userId ?? '';
  const m = useAlertMutations();
  const [error, setError] = useState<unknown>(null);
  const [resolving, setResolving] = useState(false);
  const [resolveError, setResolveError] = useState<unknown>(null);
  const closed = alert.status.startsWith('resolved');

  const done = (text: string) => () => {
    setError(null);
    void message.success(text);
  };
  const confirm = (title: string, run: () => void) => {
    modal.confirm({
      title,
      okText: t('confirm'),
      cancelText: t('cancel'),
      onOk: run,
      wrapClassName: 'security-console',
    });
  };

  return (
    <Card title={<h2 className="security-h2">{t('workflow.title')}</h2>}>
      <ErrorAlert error={error} namespace="security" />
      {closed ? (
        <Typography.Paragraph>{t('workflow.closed')}</Typography.Paragraph>
      ) : (
        <Space wrap>
          {alert.status === 'new' ? (
            <Button
              loading={m.acknowledge.isPending}
              onClick={() => {
                m.acknowledge.mutate([alert.id], {
                  onSuccess: done(t('workflow.acknowledgedDone')),
                  onError: setError,
                });
              }}
            >
              {t('workflow.acknowledge')}
            </Button>
          ) : null}
          {alert.assigneeId === me ? null : (
            <Button
              loading={m.assign.isPending}
              onClick={() => {
                m.assign.mutate(
                  { id: alert.id, assigneeId: me },
                  { onSuccess: done(t('queue.assigned')), onError: setError },
                );
              }}
            >
              {t('queue.assignToMe')}
            </Button>
          )}
          {alert.status === 'investigating' ? null : (
            <Button
              loading={m.investigate.isPending}
              onClick={() => {
                confirm(t('workflow.investigateConfirm'), () => {
                  m.investigate.mutate(alert.id, {
                    onSuccess: done(t('workflow.investigatingDone')),
                    onError: setError,
                  });
                });
              }}
            >
              {t('workflow.investigate')}
            </Button>
          )}
          <Button
            type="primary"
            onClick={() => {
              setResolveError(null);
              setResolving(true);
            }}
          >
            {t('workflow.resolve')}
          </Button>
        </Space>
      )}
      <ResolveModal
        open={resolving}
        busy={m.resolve.isPending}
        error={resolveError}
        onCancel={() => {
          setResolving(false);
        }}
        onResolve={(values) => {
          m.resolve.mutate(
            { id: alert.id, resolution: values.resolution, note: values.note.trim() },
            {
              onSuccess: () => {
                setResolving(false);
                done(t('workflow.resolvedDone'))();
              },
              onError: setResolveError,
            },
          );
        }}
      />
    </Card>
  );
}
