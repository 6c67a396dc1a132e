import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { securityApi } from '../api/security-api';
import { APPEAL_DECISIONS, type AppealDecision, type RealNameAppeal } from '../api/types';
import { isUuid } from '../model/alert-filters';
import { DECISION_REASON, decisionReasonProblem } from '../model/real-name-appeals';
import { PersonRef } from '../shared/PersonRef';
import { SecurityPage } from '../shared/SecurityPage';
import { useFormatters } from '../shared/use-formatters';

interface DecisionValues {
  decision: AppealDecision;
  reason: string;
}

/** /security/real-name-appeals/:id: one appeal, and the decision with its reason while it is open. */
export function RealNameAppealDetailPage() {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const valid = isUuid(id);
  const found = useQuery({
    queryKey: ['security', 'real-name-appeal', id],
    queryFn: () => securityApi.realNameAppeal(id),
    enabled: valid,
  });
  const [form] = Form.useForm<DecisionValues>();
  const decision = Form.useWatch('decision', form);
  const decide = useMutation({
    mutationFn: (values: DecisionValues) =>
      securityApi.decideRealNameAppeal(id, values.decision, values.reason),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['security', 'real-name-appeals'] }),
        client.invalidateQueries({ queryKey: ['security', 'real-name-appeal', id] }),
      ]),
  });
  const appeal: RealNameAppeal | undefined = decide.data ?? found.data;
  const missing =
    !valid || (found.error instanceof ApiError && found.error.code === 'IDENTITY.APPEAL_NOT_FOUND');
  return (
    <SecurityPage
      title={
        appeal
          ? t('realNameAppeals.detailTitle', { kind: t(`realNameAppeals.kind.${appeal.kind}`) })
          : t('realNameAppeals.detailLoading')
      }
    >
      <LinkButton to="/security/real-name-appeals">{t('realNameAppeals.back')}</LinkButton>
      {missing ? (
        <Alert type="warning" showIcon title={t('realNameAppeals.notFound')} />
      ) : (
        <ErrorAlert error={found.error} namespace="security" />
      )}
      {found.isPending && valid ? <Skeleton active /> : null}
      {appeal ? (
        <>
          <Card title={<h2 className="security-h2">{t('realNameAppeals.facts')}</h2>}>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                {
                  key: 'kind',
                  label: t('realNameAppeals.fields.kind'),
                  children: t(`realNameAppeals.kind.${appeal.kind}`),
                },
                {
                  key: 'status',
                  label: t('realNameAppeals.fields.status'),
                  children: t(`realNameAppeals.status.${appeal.status}`, { defaultValue: appeal.status }),
                },
                {
                  key: 'filed',
                  label: t('realNameAppeals.fields.filedAt'),
                  children: dateTime(appeal.createdAt),
                },
                {
                  key: 'user',
                  label: t('realNameAppeals.fields.account'),
                  children: <PersonRef id={appeal.userId} />,
                },
                {
                  key: 'id-number',
                  label: t('realNameAppeals.fields.idNumber'),
                  children: appeal.maskedIdNumber ?? t('none'),
                },
                { key: 'reason', label: t('realNameAppeals.fields.reason'), children: appeal.reason },
                {
                  key: 'reviewer',
                  label: t('realNameAppeals.fields.reviewedBy'),
                  children: <PersonRef id={appeal.reviewedBy} />,
                },
                {
                  key: 'review',
                  label: t('realNameAppeals.fields.reviewReason'),
                  children: appeal.reviewReason ?? t('none'),
                },
              ]}
            />
          </Card>
          <Card title={<h2 className="security-h2">{t('realNameAppeals.decideTitle')}</h2>}>
            <p role="status" aria-live="polite">
              {decide.isSuccess ? t(`realNameAppeals.decided.${decide.data.status}`) : ''}
            </p>
            <ErrorAlert error={decide.error} namespace="security" />
            {appeal.status === 'open' ? (
              <Form<DecisionValues>
                form={form}
                layout="vertical"
                aria-label={t('realNameAppeals.decideTitle')}
                onFinish={(values) => {
                  decide.mutate(values);
                }}
              >
                <Form.Item
                  label={t('realNameAppeals.decision')}
                  name="decision"
                  rules={[{ required: true, message: t('realNameAppeals.decisionRequired') }]}
                >
                  <Radio.Group
                    options={APPEAL_DECISIONS.map((d) => ({
                      value: d,
                      label: t(`realNameAppeals.decide.${d}`),
                    }))}
                  />
                </Form.Item>
                {decision === 'approved' ? (
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 16 }}
                    title={t(`realNameAppeals.approveEffect.${appeal.kind}`)}
                  />
                ) : null}
                <Form.Item
                  label={t('realNameAppeals.reviewReason')}
                  name="reason"
                  extra={t('realNameAppeals.reasonHint', { ...DECISION_REASON })}
                  rules={[
                    {
                      validator: (_, value: string | undefined) =>
                        decisionReasonProblem(value)
                          ? Promise.reject(
                              new Error(t('realNameAppeals.reasonProblem', { ...DECISION_REASON })),
                            )
                          : Promise.resolve(),
                    },
                  ]}
                >
                  <Input.TextArea rows={4} maxLength={DECISION_REASON.max} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={decide.isPending}>
                  {t('realNameAppeals.submit')}
                </Button>
              </Form>
            ) : (
              <p>{t('realNameAppeals.alreadyDecided')}</p>
            )}
          </Card>
        </>
      ) : null}
    </SecurityPage>
  );
}
