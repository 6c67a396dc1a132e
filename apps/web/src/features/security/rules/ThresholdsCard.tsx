import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { securityApi } from '../api/security-api';
import { type RiskThresholds, type Threshold, THRESHOLDS } from '../api/types';
import { THRESHOLD_BOUNDS, thresholdsChangeOf } from '../model/risk-rules';
import { numberRule } from './number-rule';
import { serverFieldsOf } from './server-fields';

const FIELDS: Record<string, Threshold> = Object.fromEntries(THRESHOLDS.map((k) => [k, k]));

/**
 * The scores at which a sign-in needs an extra check, is blocked, or raises an alert, and the alert
 * de-duplication window. That the extra-check score stays at or below the block score is the server's
 * check (it knows the value in force); its refusal is shown on the field.
 */
export function ThresholdsCard({ thresholds, editable }: { thresholds: RiskThresholds; editable: boolean }) {
  const { t } = useTranslation('security');
  const client = useQueryClient();
  const [form] = Form.useForm<RiskThresholds>();
  const save = useMutation({
    mutationFn: (change: Partial<RiskThresholds>) => securityApi.updateThresholds(change),
    onSuccess: (policy) => {
      client.setQueryData(['security', 'risk-policy'], policy);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'RISK.THRESHOLDS_INCONSISTENT') {
        form.setFields([{ name: 'stepUpScore', errors: [t('riskRules.problems.stepUpAboveBlock')] }]);
        return;
      }
      form.setFields(serverFieldsOf(error, FIELDS).map((f) => ({ name: f.name, errors: [f.reason] })));
    },
  });
  return (
    <Card
      title={
        <h2 className="security-h2" id="risk-thresholds">
          {t('riskRules.thresholdsTitle')}
        </h2>
      }
    >
      <Typography.Paragraph>{t('riskRules.thresholdsExplain')}</Typography.Paragraph>
      <ErrorAlert error={save.error} namespace="security" />
      <Form<RiskThresholds>
        form={form}
        layout="inline"
        aria-labelledby="risk-thresholds"
        disabled={!editable}
        initialValues={thresholds}
        onValuesChange={() => {
          if (save.isSuccess || save.isError) save.reset();
        }}
        onFinish={(values) => {
          const change = thresholdsChangeOf(thresholds, values);
          if (change) save.mutate(change);
        }}
        style={{ rowGap: 12 }}
      >
        {THRESHOLDS.map((k) => (
          <Form.Item
            key={k}
            label={t(`riskRules.thresholds.${k}`)}
            name={k}
            rules={[numberRule(t, THRESHOLD_BOUNDS[k])]}
            extra={t('riskRules.range', { ...THRESHOLD_BOUNDS[k] })}
          >
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
        ))}
        {editable ? (
          <Form.Item>
            <Space>
              <Button htmlType="submit" type="primary" loading={save.isPending}>
                {t('riskRules.saveThresholds')}
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
        {save.isSuccess ? t('riskRules.thresholdsSaved') : ''}
      </p>
    </Card>
  );
}
