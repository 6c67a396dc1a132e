import { Button, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { ALERT_SORTS, ALERT_STATUSES, RULE_CODES, SEVERITIES } from '../api/types';
import { type AlertFilters, DEFAULT_ALERT_FILTERS, isUuid } from '../model/alert-filters';
import { useLabels } from '../shared/use-labels';

interface Values {
  statuses: AlertFilters['statuses'];
  severities: AlertFilters['severities'];
  rule?: AlertFilters['rule'];
  userId?: string;
  institutionId?: string;
  fromDay?: string;
  toDay?: string;
  mine: boolean;
  sort: AlertFilters['sort'];
  order: AlertFilters['order'];
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** Filters of the queue; applying them writes the address (and so the page, sharable and reloadable). */
export function AlertFiltersForm({
  filters,
  onApply,
}: {
  filters: AlertFilters;
  onApply: (filters: AlertFilters) => void;
}) {
  const { t } = useTranslation('security');
  const labels = useLabels();
  const uuidRule = {
    validator: (_: unknown, value: string | undefined) =>
      blank(value) === undefined || isUuid(blank(value) ?? '')
        ? Promise.resolve()
        : Promise.reject(new Error(t('filters.idInvalid'))),
  };
  const apply = (v: Values) => {
    const userId = blank(v.userId);
    const institutionId = blank(v.institutionId);
    const fromDay = blank(v.fromDay);
    const toDay = blank(v.toDay);
    onApply({
      statuses: v.statuses,
      severities: v.severities,
      ...(v.rule ? { rule: v.rule } : {}),
      ...(userId ? { userId } : {}),
      ...(institutionId ? { institutionId } : {}),
      ...(fromDay ? { fromDay } : {}),
      ...(toDay ? { toDay } : {}),
      mine: v.mine,
      sort: v.sort,
      order: v.order,
      page: 1,
      pageSize: filters.pageSize,
    });
  };
  return (
    <Form<Values>
      layout="vertical"
      aria-label={t('filters.label')}
      initialValues={{ ...filters }}
      onFinish={apply}
    >
      <Row gutter={16}>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label={t('filters.status')} name="statuses" extra={t('filters.statusHint')}>
            <Select
              mode="multiple"
              allowClear
              options={ALERT_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label={t('filters.severity')} name="severities">
            <Select
              mode="multiple"
              allowClear
              options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label={t('filters.rule')} name="rule">
            <Select
              allowClear
              virtual={false}
              options={RULE_CODES.map((r) => ({ value: r, label: labels.rule(r) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label={t('filters.account')} name="userId" rules={[uuidRule]}>
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label={t('filters.institution')} name="institutionId" rules={[uuidRule]}>
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item label={t('filters.from')} name="fromDay">
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item label={t('filters.to')} name="toDay">
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item label={t('filters.sort')} name="sort">
            <Select options={ALERT_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item label={t('filters.order')} name="order">
            <Select
              options={[
                { value: 'asc', label: t('filters.asc') },
                { value: 'desc', label: t('filters.desc') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="mine" valuePropName="checked" label={t('filters.assignee')}>
            <Checkbox>{t('filters.mine')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit">
          {t('filters.apply')}
        </Button>
        <Button
          onClick={() => {
            onApply(DEFAULT_ALERT_FILTERS);
          }}
        >
          {t('filters.reset')}
        </Button>
      </Space>
    </Form>
  );
}
