import { Button, Card, Form, Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { isUuid } from '../model/alert-filters';

/**
 * The filters of a staff queue: a named inline form in its card, applied by one button. Applying writes the
 * address (the page's caller does), so a filtered queue can be shared and reloaded.
 */
export function QueueFiltersCard<V extends object>({
  label,
  initialValues,
  onApply,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  initialValues: V;
  onApply: (values: V) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation('security');
  return (
    <Card title={<h2 className="security-h2">{t('filters.title')}</h2>}>
      <Form<V>
        layout="inline"
        aria-label={label}
        initialValues={initialValues}
        onFinish={onApply}
        style={{ rowGap: 12 }}
      >
        {children}
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('filters.apply')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** One of a fixed set of values, or every value (`all`), each shown in words. */
export function ChoiceFilter<T extends string>({
  name,
  label,
  values,
  labelOf,
  width,
}: {
  name: string;
  label: string;
  values: readonly T[];
  labelOf: (value: T | 'all') => string;
  width: number;
}) {
  return (
    <Form.Item label={label} name={name}>
      <Select
        style={{ width }}
        options={[...values, 'all' as const].map((value) => ({ value, label: labelOf(value) }))}
      />
    </Form.Item>
  );
}

/** An account id (the full UUID: a queue never searches by anything personal), or nothing. */
export function AccountFilter({ invalidMessage }: { invalidMessage: string }) {
  const { t } = useTranslation('security');
  return (
    <Form.Item
      label={t('filters.account')}
      name="account"
      rules={[
        {
          validator: (_, value: string | undefined) =>
            !value || isUuid(value.trim()) ? Promise.resolve() : Promise.reject(new Error(invalidMessage)),
        },
      ]}
    >
      <Input style={{ width: 320, maxWidth: '100%' }} spellCheck={false} />
    </Form.Item>
  );
}
