import { AutoComplete, Button, Col, Form, Input, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { isUuid } from '../model/alert-filters';
import { EVENT_TYPE, type LogFilters } from '../model/log-filters';
import { useLabels } from '../shared/use-labels';
import { COMMON_EVENT_TYPES } from './event-types';

type Values = Record<keyof LogFilters, string | undefined>;

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** Search the log by subject account, institution, event type and days. */
export function LogSearchForm({
  filters,
  onApply,
}: {
  filters: LogFilters;
  onApply: (f: LogFilters) => void;
}) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const pattern = (test: (v: string) => boolean, message: string) => ({
    validator: (_: unknown, value: string | undefined) => {
      const v = blank(value);
      return v === undefined || test(v) ? Promise.resolve() : Promise.reject(new Error(message));
    },
  });
  return (
    <Form<Values>
      layout="vertical"
      aria-label={t('audit.searchLabel')}
      initialValues={filters}
      onFinish={(v) => {
        const next: LogFilters = {};
        for (const key of ['userId', 'institutionId', 'eventType', 'fromDay', 'toDay'] as const) {
          const value = blank(v[key]);
          if (value !== undefined) next[key] = value;
        }
        onApply(next);
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('audit.subject')}
            name="userId"
            extra={t('audit.subjectHint')}
            rules={[pattern(isUuid, t('filters.idInvalid'))]}
          >
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('audit.eventType')}
            name="eventType"
            rules={[pattern((v) => EVENT_TYPE.test(v), t('audit.eventTypeInvalid'))]}
          >
            <AutoComplete
              options={COMMON_EVENT_TYPES.map((type) => ({
                value: type,
                label: `${labels.eventType(type)} (${type})`,
              }))}
              showSearch={{
                filterOption: (input, option) =>
                  (option?.label ?? '').toLowerCase().includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('audit.institution')}
            name="institutionId"
            rules={[pattern(isUuid, t('filters.idInvalid'))]}
          >
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('filters.from')} name="fromDay">
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('filters.to')} name="toDay">
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          {t('audit.search')}
        </Button>
        <Button
          onClick={() => {
            onApply({});
          }}
        >
          {t('filters.reset')}
        </Button>
      </Space>
    </Form>
  );
}
