import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { RiskPolicy } from '../api/types';
import type { Bounds } from '../model/risk-rules';
import { numberRule } from './number-rule';
import { serverFieldsOf } from './server-fields';

/** A refusal (by its code) that the form shows on one field, in the console's own words. */
export interface FieldRefusal<V> {
  code: string;
  name: NamePath<V>;
  message: string;
}

/**
 * One part of the risk policy as a form in its card: saved as the change from what is in force (nothing is
 * sent when nothing changed), the policy the API answers replacing the cached one, refusals shown on their
 * fields, a save and an undo for those who may change it, and the outcome read out politely.
 */
export function PolicyCard<V extends object, C>({
  headingId,
  title,
  explain,
  editable,
  initialValues,
  changeOf,
  send,
  fields,
  refusal,
  saveLabel,
  savedText,
  children,
}: {
  headingId: string;
  title: string;
  explain: string;
  editable: boolean;
  initialValues: V;
  changeOf: (values: V) => C | null;
  send: (change: C) => Promise<RiskPolicy>;
  /** The API's field names (`params.failures`) as the form's paths. */
  fields: Readonly<Record<string, NamePath<V>>>;
  refusal?: FieldRefusal<V>;
  saveLabel: string;
  savedText: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('security');
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: send,
    onSuccess: (policy) => {
      client.setQueryData(['security', 'risk-policy'], policy);
    },
    onError: (error) => {
      if (refusal && error instanceof ApiError && error.code === refusal.code) {
        form.setFields([{ name: refusal.name, errors: [refusal.message] }]);
        return;
      }
      form.setFields(serverFieldsOf(error, fields).map((f) => ({ name: f.name, errors: [f.reason] })));
    },
  });
  return (
    <Card
      title={
        <h2 className="security-h2" id={headingId}>
          {title}
        </h2>
      }
    >
      <Typography.Paragraph>{explain}</Typography.Paragraph>
      <ErrorAlert error={save.error} namespace="security" />
      <Form<V>
        form={form}
        layout="inline"
        aria-labelledby={headingId}
        disabled={!editable}
        initialValues={initialValues}
        onValuesChange={() => {
          if (save.isSuccess || save.isError) save.reset();
        }}
        onFinish={(values) => {
          const change = changeOf(values);
          if (change) save.mutate(change);
        }}
        style={{ rowGap: 12 }}
      >
        {children}
        {editable ? (
          <Form.Item>
            <Space>
              <Button htmlType="submit" type="primary" loading={save.isPending}>
                {saveLabel}
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
        {save.isSuccess ? savedText : ''}
      </p>
    </Card>
  );
}

/** A whole number the API bounds: the range said under the field, and refused before it is sent. */
export function NumberField({
  label,
  name,
  bounds,
  width,
}: {
  label: string;
  /** A field (`weight`) or a nested one (`['params', 'failures']`). */
  name: string | string[];
  bounds: Bounds;
  width: number;
}) {
  const { t } = useTranslation('security');
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[numberRule(t, bounds)]}
      extra={t('riskRules.range', { ...bounds })}
    >
      <InputNumber style={{ width }} />
    </Form.Item>
  );
}
