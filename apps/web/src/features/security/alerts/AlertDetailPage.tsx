import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { securityApi } from '../api/security-api';
import { isUuid } from '../model/alert-filters';
import { AccountLogCard } from '../shared/AccountLogCard';
import { SecurityPage } from '../shared/SecurityPage';
import { useLabels } from '../shared/use-labels';
import { AccountActionsCard } from './AccountActionsCard';
import { AlertSummary } from './AlertSummary';
import { AlertWorkflowCard } from './AlertWorkflowCard';
import { CommentsCard } from './CommentsCard';
import { EvidenceList } from './EvidenceList';
import { LoginTimelineCard } from './LoginTimelineCard';

/** /security/alerts/:id — the evidence, the account's sign-ins, the review steps, account actions and the log. */
export function AlertDetailPage() {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const { id = '' } = useParams();
  const valid = isUuid(id);
  const alert = useQuery({
    queryKey: ['security', 'alert', id],
    queryFn: () => securityApi.alert(id),
    enabled: valid,
  });
  const title = alert.data
    ? t('detail.title', { rule: labels.rule(alert.data.cause) })
    : t('detail.titleLoading');
  return (
    <SecurityPage title={title}>
      <LinkButton to="/security">{t('detail.back')}</LinkButton>
      {valid ? null : (
        <ErrorAlert error={new ApiError(404, 'ALERT.NOT_FOUND', 'No such alert.')} namespace="security" />
      )}
      <ErrorAlert error={alert.error} namespace="security" />
      {alert.isPending && valid ? <Skeleton active /> : null}
      {alert.data ? (
        <>
          <AlertSummary alert={alert.data} />
          <EvidenceList evidence={alert.data.evidence} />
          {alert.data.userId ? <LoginTimelineCard userId={alert.data.userId} /> : null}
          <AlertWorkflowCard alert={alert.data} />
          {alert.data.userId ? (
            <AccountActionsCard userId={alert.data.userId} alertId={alert.data.id} />
          ) : null}
          <CommentsCard alert={alert.data} />
          {alert.data.userId ? <AccountLogCard userId={alert.data.userId} /> : null}
        </>
      ) : null}
    </SecurityPage>
  );
}
