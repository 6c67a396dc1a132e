import { useTranslation } from 'react-i18next';

import { securityApi } from '../api/security-api';
import { type RiskThresholds, type Threshold, THRESHOLDS } from '../api/types';
import { THRESHOLD_BOUNDS, thresholdsChangeOf } from '../model/risk-rules';
import { NumberField, PolicyCard } from './PolicyCard';

const FIELDS: Record<string, Threshold> = Object.fromEntries(THRESHOLDS.map((k) => [k, k]));

/**
 * The scores at which a sign-in needs an extra check, is blocked, or raises an alert, and the alert
 * de-duplication window. That the extra-check score stays at or below the block score is the server's
 * check (it knows the value in force); its refusal is shown on the field.
 */
export function ThresholdsCard({ thresholds, editable }: { thresholds: RiskThresholds; editable: boolean }) {
  const { t } = useTranslation('security');
  return (
    <PolicyCard<RiskThresholds, Partial<RiskThresholds>>
      headingId="risk-thresholds"
      title={t('riskRules.thresholdsTitle')}
      explain={t('riskRules.thresholdsExplain')}
      editable={editable}
      initialValues={thresholds}
      changeOf={(values) => thresholdsChangeOf(thresholds, values)}
      send={(change) => securityApi.updateThresholds(change)}
      fields={FIELDS}
      refusal={{
        code: 'RISK.THRESHOLDS_INCONSISTENT',
        name: 'stepUpScore',
        message: t('riskRules.problems.stepUpAboveBlock'),
      }}
      saveLabel={t('riskRules.saveThresholds')}
      savedText={t('riskRules.thresholdsSaved')}
    >
      {THRESHOLDS.map((k) => (
        <NumberField
          key={k}
          label={t(`riskRules.thresholds.${k}`)}
          name={k}
          bounds={THRESHOLD_BOUNDS[k]}
          width={120}
        />
      ))}
    </PolicyCard>
  );
}
