import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { securityApi } from '../api/security-api';
import { accountIdsOf } from '../model/account-ids';
import { isUuid } from '../model/alert-filters';
import { SecurityPage } from '../shared/SecurityPage';
import { useFormatters } from '../shared/use-formatters';
import { RegulatorReportCard } from './RegulatorReportCard';

/** /security/incidents/:id: the incident, notifying the affected accounts, and the regulator report. */
export function IncidentDetailPage() {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const incident = useQuery({
    queryKey: ['security', 'incident', id],
    queryFn: () => securityApi.incident(id),
    enabled: isUuid(id),
  });
  const [form] = Form.useForm<{ userIds: string }>();
  const notify = useMutation({
    mutationFn: (userIds: string[]) => securityApi.notifyIncident(id, userIds),
    onSuccess: () => {
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['security'] });
    },
  });
  const i = incident.data;
  return (
    <SecurityPage title={i ? t('incidents.detailTitle', { title: i.title }) : t('incidents.detailLoading')}>
      <LinkButton to="/security/incidents">{t('incidents.back')}</LinkButton>
      <ErrorAlert error={incident.error} namespace="security" />
      {incident.isPending && isUuid(id) ? <Skeleton active /> : null}
      {i ? (
        <>
          <Card title={<h2 className="security-h2">{t('incidents.facts')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'description', label: t('incidents.fields.description'), children: i.description },
                { key: 'cause', label: t('incidents.fields.cause'), children: i.cause },
                {
                  key: 'occurred',
                  label: t('incidents.fields.occurredAt'),
                  children: dateTime(i.occurredAt),
                },
                {
                  key: 'discovered',
                  label: t('incidents.fields.discoveredAt'),
                  children: dateTime(i.discoveredAt),
                },
                {
                  key: 'categories',
                  label: t('incidents.fields.dataCategories'),
                  children: i.dataCategories
                    .map((c) => t(`incidents.categories.${c}`, { defaultValue: c }))
                    .join('、'),
                },
                { key: 'affected', label: t('incidents.fields.affectedUsers'), children: i.affectedUsers },
                { key: 'measures', label: t('incidents.fields.measures'), children: i.measures },
                { key: 'guidance', label: t('incidents.fields.userGuidance'), children: i.userGuidance },
                { key: 'recorded', label: t('incidents.recordedAt'), children: dateTime(i.createdAt) },
              ]}
            />
          </Card>
          <Card title={<h2 className="security-h2">{t('incidents.notifications')}</h2>}>
            <p aria-live="polite">
              {i.notifiedAt
                ? t('incidents.notifiedSummary', { count: i.notifiedUsers, at: dateTime(i.notifiedAt) })
                : t('incidents.notNotified')}
            </p>
            <ErrorAlert error={notify.error} namespace="security" />
            <Form<{ userIds: string }>
              form={form}
              layout="vertical"
              onFinish={(v) => {
                notify.mutate(accountIdsOf(v.userIds));
              }}
            >
              <Form.Item
                label={t('incidents.notifyIds')}
                name="userIds"
                extra={t('incidents.notifyHint')}
                rules={[
                  {
                    validator: (_, value: string | undefined) => {
                      const ids = accountIdsOf(value ?? '');
                      if (ids.length === 0) return Promise.reject(new Error(t('incidents.notifyRequired')));
                      if (ids.length > 1000 || !ids.every(isUuid))
                        return Promise.reject(new Error(t('incidents.notifyInvalid')));
                      return Promise.resolve();
                    },
                  },
                ]}
              >
                <Input.TextArea rows={4} spellCheck={false} />
              </Form.Item>
              <Button htmlType="submit" loading={notify.isPending}>
                {t('incidents.notify')}
              </Button>
            </Form>
          </Card>
          <RegulatorReportCard incidentId={i.id} />
        </>
      ) : null}
    </SecurityPage>
  );
}
