import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { ApiError, fieldErrorsOf } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { securityApi } from '../api/security-api';
import { DATA_CATEGORIES, type IncidentInput } from '../api/types';
import { SecurityNav } from '../shared/SecurityNav';

type Values = Omit<IncidentInput, 'occurredAt' | 'discoveredAt'> & {
  occurredAt: string;
  discoveredAt: string;
};

/** A `datetime-local` value (the person's own time) as an ISO instant. */
const instant = (local: string) => new Date(local).toISOString();

/** /security/incidents/new: record a personal-information incident (PIPL art. 57 items). */
export function NewIncidentPage() {
  const { t } = useTranslation('security');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const record = useMutation({
    mutationFn: (v: Values) =>
      securityApi.recordIncident({
        ...v,
        title: v.title.trim(),
        occurredAt: instant(v.occurredAt),
        discoveredAt: instant(v.discoveredAt),
      }),
    onSuccess: (incident) => {
      void client.invalidateQueries({ queryKey: ['security', 'incidents'] });
      void navigate(`/security/incidents/${incident.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const fields = fieldErrorsOf(error);
        form.setFields(
          Object.entries(fields)
            .filter(([name]) => name in form.getFieldsValue(true))
            .map(([name]) => ({ name: name as keyof Values, errors: [t('incidents.fieldInvalid')] })),
        );
      }
    },
  });
  const required = (message: string, min = 1) => [{ required: true, whitespace: true, min, message }];
  return (
    <>
      <PageTitle>{t('incidents.newTitle')}</PageTitle>
      <SecurityNav />
      <Card>
        <ErrorAlert error={record.error} namespace="security" />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ dataCategories: [], affectedUsers: 0 }}
          onFinish={(v) => {
            record.mutate(v);
          }}
          style={{ marginTop: 16 }}
        >
          <Form.Item
            label={t('incidents.fields.title')}
            name="title"
            rules={required(t('incidents.min', { min: 3 }), 3)}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label={t('incidents.fields.description')}
            name="description"
            extra={t('incidents.descriptionHint')}
            rules={required(t('incidents.min', { min: 10 }), 10)}
          >
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
          <Form.Item
            label={t('incidents.fields.cause')}
            name="cause"
            rules={required(t('incidents.min', { min: 3 }), 3)}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('incidents.fields.occurredAt')}
                name="occurredAt"
                rules={required(t('incidents.timeRequired'))}
              >
                <Input type="datetime-local" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('incidents.fields.discoveredAt')}
                name="discoveredAt"
                dependencies={['occurredAt']}
                rules={[
                  ...required(t('incidents.timeRequired')),
                  ({ getFieldValue }) => ({
                    validator: (_, value: string | undefined) => {
                      const occurred = getFieldValue('occurredAt') as string | undefined;
                      return !value || !occurred || value >= occurred
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('incidents.discoveredBeforeOccurred')));
                    },
                  }),
                ]}
              >
                <Input type="datetime-local" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label={t('incidents.fields.dataCategories')}
            name="dataCategories"
            rules={[
              {
                // A validator, not `required`: antd would put aria-required on the group, which ARIA does not allow there.
                validator: (_, value: unknown[] | undefined) =>
                  value && value.length > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('incidents.categoriesRequired'))),
              },
            ]}
          >
            <Checkbox.Group
              options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`incidents.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('incidents.fields.affectedUsers')}
            name="affectedUsers"
            rules={[{ required: true, type: 'integer', min: 0, message: t('incidents.affectedInvalid') }]}
          >
            <InputNumber min={0} max={1_000_000_000} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            label={t('incidents.fields.measures')}
            name="measures"
            rules={required(t('incidents.min', { min: 3 }), 3)}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            label={t('incidents.fields.userGuidance')}
            name="userGuidance"
            extra={t('incidents.guidanceHint')}
            rules={required(t('incidents.min', { min: 3 }), 3)}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('incidents.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
