import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageTitle } from '../../ui/PageTitle';

type ServiceState = 'ready' | 'not_ready' | 'unreachable';

const COLOURS: Record<ServiceState, string> = { ready: 'green', not_ready: 'orange', unreachable: 'red' };

async function serviceStates(): Promise<Record<string, ServiceState>> {
  let response: Response;
  try {
    response = await fetch('/health/services', { headers: { accept: 'application/json' } });
  } catch (cause: unknown) {
    throw ApiError.network(cause);
  }
  if (!response.ok) throw ApiError.fromBody(response.status, await response.json().catch(() => undefined));
  return (await response.json()) as Record<string, ServiceState>;
}

/** Live readiness of every service behind the gateway (database and Kafka reachable), refreshed every 5 s. */
export function StatusPage() {
  const { t } = useTranslation('home');
  const states = useQuery({
    queryKey: ['health', 'services'],
    queryFn: serviceStates,
    refetchInterval: 5_000,
  });
  return (
    <Card>
      <PageTitle>{t('status.title')}</PageTitle>
      <Typography.Paragraph>{t('status.intro')}</Typography.Paragraph>
      <ErrorAlert error={states.error} />
      <List
        aria-live="polite"
        loading={states.isPending}
        dataSource={Object.entries(states.data ?? {})}
        renderItem={([name, state]) => (
          <List.Item>
            <span>{name}</span>
            <Tag color={COLOURS[state]}>{t(`status.${state}`)}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
