import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert as Notice, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { securityApi } from '../api/security-api';
import { ACCOUNT_ACTIONS, type AccountAction, type AccountActionResult } from '../api/types';
import { useFormatters } from '../shared/use-formatters';
import { AccountActionModal, type ActionValues } from './AccountActionModal';

/** Lock, unlock, sign out everywhere, require re-verification: each confirmed with a reason, the result shown. */
export function AccountActionsCard({ userId, alertId }: { userId: string; alertId: string }) {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const client = useQueryClient();
  const [action, setAction] = useState<AccountAction | null>(null);
  const [result, setResult] = useState<AccountActionResult | null>(null);
  const request = useMutation({
    mutationFn: (values: ActionValues & { action: AccountAction }) =>
      securityApi.accountAction(userId, { ...values, note: values.note.trim(), alertId }),
    onSuccess: (answer) => {
      setResult(answer);
      setAction(null);
      void client.invalidateQueries({ queryKey: ['security', 'log'] });
    },
  });
  return (
    <Card title={<h2 className="security-h2">{t('actions.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('actions.intro')}</Typography.Paragraph>
      <Space wrap>
        {ACCOUNT_ACTIONS.map((a) => (
          <Button
            key={a}
            danger={a === 'lock'}
            onClick={() => {
              request.reset();
              setResult(null);
              setAction(a);
            }}
          >
            {t(`actions.${a}.button`)}
          </Button>
        ))}
      </Space>
      {result ? (
        <Notice
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          role="status"
          title={t(`actions.${result.action}.done`)}
          description={t('actions.result', {
            id: result.actionId.slice(0, 8),
            at: dateTime(result.requestedAt),
          })}
        />
      ) : null}
      <AccountActionModal
        action={action}
        busy={request.isPending}
        error={request.error}
        onCancel={() => {
          setAction(null);
        }}
        onConfirm={(values) => {
          if (action) request.mutate({ ...values, action });
        }}
      />
    </Card>
  );
}
