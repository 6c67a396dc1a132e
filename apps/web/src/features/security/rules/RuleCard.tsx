import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { securityApi } from '../api/security-api';
import { RULE_PARAMS, type RuleChange, type RuleParam, type RulePolicy, SEVERITIES } from '../api/types';
import { PARAM_BOUNDS, paramsOf, ruleChangeOf, WEIGHT_BOUNDS } from '../model/risk-rules';
import { useLabels } from '../shared/use-labels';
import { numberRule } from './number-rule';
import { serverFieldsOf } from './server-fields';

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
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (change: RuleChange) => securityApi.updateRule(code, change),
    onSuccess: (policy) => {
      client.setQueryData(['security', 'risk-policy'], policy);
    },
    onError: (error) => {
      form.setFields(serverFieldsOf(error, FIELDS).map((f) => ({ name: f.name, errors: [f.reason] })));
    },
  });
  const name = labels.rule(code);
  const headingId = `rule-${code}`;
  return (
    <Card
      title={
        <h2 className="security-h2" id={headingId}>
          {name}
        </h2>
      }
    >
      <Typography.Paragraph>{t(`riskRules.explain.${code}`, { defaultValue: '' })}</Typography.Paragraph>
      <ErrorAlert error={save.error} namespace="security" />
      <Form<Values>
        form={form}
        layout="inline"
        aria-labelledby={headingId}
        disabled={!editable}
        initialValues={rule}
        onValuesChange={() => {
          if (save.isSuccess || save.isError) save.reset();
        }}
        onFinish={(values) => {
          const change = ruleChangeOf(rule, { ...values, params: values.params ?? {} });
          if (change) save.mutate(change);
        }}
        style={{ rowGap: 12 }}
      >
        <Form.Item label={t('riskRules.enabled')} name="enabled" valuePropName="checked">
          <Switch aria-label={t('riskRules.enabledOf', { rule: name })} />
        </Form.Item>
        <Form.Item
          label={t('riskRules.weight')}
          name="weight"
          rules={[numberRule(t, WEIGHT_BOUNDS)]}
          extra={t('riskRules.range', { ...WEIGHT_BOUNDS })}
        >
          <InputNumber style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('riskRules.severity')} name="severity">
          <Select
            style={{ width: 120 }}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          />
        </Form.Item>
        {paramsOf(rule).map((param) => (
          <Form.Item
            key={param}
            label={t(`riskRules.params.${param}`)}
            name={['params', param]}
            rules={[numberRule(t, PARAM_BOUNDS[param])]}
            extra={t('riskRules.range', { ...PARAM_BOUNDS[param] })}
          >
            <InputNumber style={{ width: 140 }} />
          </Form.Item>
        ))}
        {editable ? (
          <Form.Item>
            <Space>
              <Button htmlType="submit" type="primary" loading={save.isPending}>
                {t('riskRules.save')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  save.reset();
                }}
              >
                {t('riskRules.undo')}
              </Button>
            </Space>
          </Form.Item>
        ) : null}
      </Form>
      <p aria-live="polite" role="status" style={{ margin: '8px 0 0' }}>
        {save.isSuccess ? t('riskRules.saved', { rule: name }) : ''}
      </p>
    </Card>
  );
}
