import { Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import { securityApi } from '../api/security-api';
import { RULE_PARAMS, type RuleChange, type RuleParam, type RulePolicy, SEVERITIES } from '../api/types';
import { PARAM_BOUNDS, paramsOf, ruleChangeOf, WEIGHT_BOUNDS } from '../model/risk-rules';
import { useLabels } from '../shared/use-labels';
import { NumberField, PolicyCard } from './PolicyCard';

/** What the form submits: only registered fields, so no `params` for a rule without parameters. */
type Values = Omit<RulePolicy, 'params'> & { params?: RulePolicy['params'] };

type FieldName = 'enabled' | 'weight' | 'severity' | ['params', RuleParam];

/** The API's field names (`params.failures`) as the form's paths. */
const FIELDS: Record<string, FieldName> = {
  enabled: 'enabled',
  weight: 'weight',
  severity: 'severity',
  ...Object.fromEntries(RULE_PARAMS.map((p): [string, FieldName] => [`params.${p}`, ['params', p]])),
};

/** One risk rule: what it detects, on or off, its weight and severity, and its parameters. */
export function RuleCard({ code, rule, editable }: { code: string; rule: RulePolicy; editable: boolean }) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const name = labels.rule(code);
  return (
    <PolicyCard<Values, RuleChange>
      headingId={`rule-${code}`}
      title={name}
      explain={t(`riskRules.explain.${code}`, { defaultValue: '' })}
      editable={editable}
      initialValues={rule}
      changeOf={(values) => ruleChangeOf(rule, { ...values, params: values.params ?? {} })}
      send={(change) => securityApi.updateRule(code, change)}
      fields={FIELDS}
      saveLabel={t('riskRules.save')}
      savedText={t('riskRules.saved', { rule: name })}
    >
      <Form.Item label={t('riskRules.enabled')} name="enabled" valuePropName="checked">
        <Switch aria-label={t('riskRules.enabledOf', { rule: name })} />
      </Form.Item>
      <NumberField label={t('riskRules.weight')} name="weight" bounds={WEIGHT_BOUNDS} width={120} />
      <Form.Item label={t('riskRules.severity')} name="severity">
        <Select
          style={{ width: 120 }}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
        />
      </Form.Item>
      {paramsOf(rule).map((param) => (
        <NumberField
          key={param}
          label={t(`riskRules.params.${param}`)}
          name={['params', param]}
          bounds={PARAM_BOUNDS[param]}
          width={140}
        />
      ))}
    </PolicyCard>
  );
}
