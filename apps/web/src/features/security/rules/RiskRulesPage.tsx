import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

import { hasPlatformRole } from '../../../auth/roles';
import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { securityApi } from '../api/security-api';
import { orderedRules } from '../model/risk-rules';
import { SecurityPage } from '../shared/SecurityPage';
import { RuleCard } from './RuleCard';
import { ThresholdsCard } from './ThresholdsCard';

/** Roles that may change the rules (audit's RiskRulesController); analysts read them. */
const TUNERS = ['platform_admin'] as const;

/** /security/rules: the sign-in risk rules and thresholds in force; platform admins change them. */
export function RiskRulesPage() {
  const { t } = useTranslation('security');
  const session = useSession();
  const editable = session !== null && hasPlatformRole(session, TUNERS);
  const policy = useQuery({ queryKey: ['security', 'risk-policy'], queryFn: securityApi.riskPolicy });
  return (
    <SecurityPage title={t('riskRules.title')}>
      <Alert type="info" showIcon title={editable ? t('riskRules.intro') : t('riskRules.readOnly')} />
      <ErrorAlert error={policy.error} namespace="security" onRetry={() => void policy.refetch()} />
      {policy.isPending ? <Skeleton active /> : null}
      {policy.data ? (
        <>
          <ThresholdsCard thresholds={policy.data.thresholds} editable={editable} />
          {orderedRules(policy.data.rules).map(([code, rule]) => (
            <RuleCard key={code} code={code} rule={rule} editable={editable} />
          ))}
        </>
      ) : null}
    </SecurityPage>
  );
}
