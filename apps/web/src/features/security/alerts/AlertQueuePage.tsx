import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { securityApi } from '../api/security-api';
import type { Alert } from '../api/types';
import {
  type AlertFilters,
  alertFiltersFromQuery,
  alertFiltersToQuery,
  alertListQuery,
} from '../model/alert-filters';
import { breachedFirst } from '../model/sla';
import { SecurityPage } from '../shared/SecurityPage';
import { AlertFiltersForm } from './AlertFiltersForm';
import { AlertTable } from './AlertTable';
import { useAlertMutations } from './use-alert-mutations';

/** /security: the alert queue, breached SLAs first, with filters in the address and bulk acknowledgement. */
export function AlertQueuePage() {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const session = useSession();
  const me = session?.userId ?? '';
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => alertFiltersFromQuery(params), [params]);
  const [selected, setSelected] = useState<string[]>([]);
  const [actionError, setActionError] = useState<unknown>(null);
  const mutations = useAlertMutations();

  const apiQuery = alertListQuery(filters, me);
  const alerts = useQuery({
    queryKey: ['security', 'alerts', apiQuery.toString()],
    queryFn: () => securityApi.alerts(apiQuery),
  });
  const rows = useMemo(() => breachedFirst(alerts.data?.items ?? []), [alerts.data]);

  const apply = (next: AlertFilters) => {
    setSelected([]);
    setParams(alertFiltersToQuery(next));
  };

  const acknowledge = () => {
    setActionError(null);
    mutations.acknowledge.mutate(selected, {
      onSuccess: (result) => {
        setSelected([]);
        void message.success(
          t('queue.acknowledged', { done: result.acknowledged.length, skipped: result.skipped.length }),
        );
      },
      onError: setActionError,
    });
  };

  const assignToMe = (alert: Alert) => {
    setActionError(null);
    mutations.assign.mutate(
      { id: alert.id, assigneeId: me },
      {
        onSuccess: () => void message.success(t('queue.assigned')),
        onError: setActionError,
      },
    );
  };

  return (
    <SecurityPage title={t('queue.title')}>
      <Card title={<h2 className="security-h2">{t('filters.title')}</h2>}>
        <AlertFiltersForm key={params.toString()} filters={filters} onApply={apply} />
      </Card>
      <Card
        title={<h2 className="security-h2">{t('queue.listTitle')}</h2>}
        extra={
          <Button
            disabled={selected.length === 0}
            loading={mutations.acknowledge.isPending}
            onClick={acknowledge}
          >
            {t('queue.acknowledgeSelected', { count: selected.length })}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('queue.intro')}</Typography.Paragraph>
        <ErrorAlert error={alerts.error ?? actionError} namespace="security" />
        <div aria-live="polite">
          <AlertTable
            alerts={rows}
            loading={alerts.isPending}
            total={alerts.data?.total ?? 0}
            page={filters.page}
            pageSize={filters.pageSize}
            selected={selected}
            me={me}
            onSelect={setSelected}
            onPage={(page, pageSize) => {
              apply({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize });
            }}
            onAssignToMe={assignToMe}
            assigning={mutations.assign.isPending ? mutations.assign.variables.id : null}
          />
        </div>
      </Card>
    </SecurityPage>
  );
}
