import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { securityApi } from '../api/security-api';
import { logFiltersToQuery } from '../model/log-filters';
import { LogTable } from './LogTable';

/** The latest audit log entries about one account (staff actions on it included). */
export function AccountLogCard({ userId }: { userId: string }) {
  const { t } = useTranslation('security');
  const query = new URLSearchParams({ userId, limit: '20' });
  const log = useQuery({
    queryKey: ['security', 'log', query.toString()],
    queryFn: () => securityApi.log(query),
  });
  return (
    <Card
      title={<h2 className="security-h2">{t('accountLog.title')}</h2>}
      extra={
        <LinkButton to={`/security/audit?${logFiltersToQuery({ userId }).toString()}`}>
          {t('accountLog.all')}
        </LinkButton>
      }
    >
      <ErrorAlert error={log.error} namespace="security" />
      <LogTable entries={log.data?.items ?? []} loading={log.isPending} />
    </Card>
  );
}
