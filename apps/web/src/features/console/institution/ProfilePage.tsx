import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { accountsPath, facePolicyPath } from '../shared/api-paths';
import { formatInstant } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import {
  type FaceImagePolicy,
  type Institution,
  institutionKeys,
  useFacePolicy,
  useInstitution,
} from './institution-api';

/** The institution's details (the name editable by administrators), invoice details, and the face-image policy. */
export function ProfilePage() {
  const { t, i18n } = useTranslation('console');
  const { institutionId, isAdmin } = useConsole();
  const queryClient = useQueryClient();
  const institution = useInstitution(institutionId);
  const policy = useFacePolicy(institutionId);
  const rename = useMutation({
    mutationFn: (name: string) =>
      api<Institution>(accountsPath(institutionId), { method: 'PATCH', body: { name: name.trim() } }),
    onSuccess: (updated) => queryClient.setQueryData(institutionKeys.profile(institutionId), updated),
  });
  const setPolicy = useMutation({
    mutationFn: (v: { keepRawImage: boolean; retentionDays?: number | null }) =>
      api<FaceImagePolicy>(facePolicyPath(institutionId), {
        method: 'PUT',
        body: {
          keepRawImage: v.keepRawImage,
          ...(v.keepRawImage && v.retentionDays ? { retentionDays: v.retentionDays } : {}),
        },
      }),
    onSuccess: (updated) => queryClient.setQueryData(institutionKeys.facePolicy(institutionId), updated),
  });
  const value = (v: string | null) => v ?? t('profile.notGiven');
  const data = institution.data;
  return (
    <>
      <PageTitle>{t('profile.title')}</PageTitle>
      <ErrorAlert error={institution.error} namespace="console" onRetry={() => void institution.refetch()} />
      {data ? (
        <Card size="small" title={t('profile.details')} style={{ marginBottom: 16 }}>
          {isAdmin ? (
            <Form
              name="institutionName"
              layout="vertical"
              initialValues={{ name: data.name }}
              onFinish={(v: { name: string }) => {
                rename.mutate(v.name);
              }}
              style={{ maxWidth: 480 }}
            >
              <Form.Item
                name="name"
                label={t('profile.name')}
                rules={[
                  { required: true, whitespace: true, min: 2, max: 128, message: t('profile.nameRule') },
                ]}
              >
                <Input maxLength={128} />
              </Form.Item>
              <Button htmlType="submit" loading={rename.isPending}>
                {t('profile.saveName')}
              </Button>
              <div aria-live="polite">{rename.isSuccess ? <p>{t('profile.saved')}</p> : null}</div>
              <ErrorAlert error={rename.error} namespace="console" />
            </Form>
          ) : null}
          <Descriptions
            column={1}
            size="small"
            style={{ marginTop: 16 }}
            items={[
              ...(isAdmin ? [] : [{ key: 'name', label: t('profile.name'), children: data.name }]),
              { key: 'code', label: t('profile.organisationCode'), children: value(data.organisationCode) },
              { key: 'phone', label: t('profile.contactPhone'), children: value(data.contactPhone) },
              { key: 'email', label: t('profile.contactEmail'), children: value(data.contactEmail) },
              {
                key: 'created',
                label: t('profile.createdAt'),
                children: formatInstant(data.createdAt, i18n.language),
              },
            ]}
          />
        </Card>
      ) : null}
      {data ? (
        <Card size="small" title={t('profile.invoice')} style={{ marginBottom: 16 }}>
          <p>{t('profile.invoiceHint')}</p>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'bank', label: t('profile.invoiceBank'), children: value(data.invoiceBank) },
              {
                key: 'recipient',
                label: t('profile.invoiceRecipient'),
                children: value(data.invoiceRecipient),
              },
              { key: 'address', label: t('profile.invoiceAddress'), children: value(data.invoiceAddress) },
              { key: 'postcode', label: t('profile.invoicePostcode'), children: value(data.invoicePostcode) },
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('profile.facePolicy')}>
        <p>{t('profile.facePolicyHint')}</p>
        <ErrorAlert error={policy.error} namespace="console" />
        {policy.data ? (
          <Form
            name="facePolicy"
            layout="vertical"
            disabled={!isAdmin}
            initialValues={{
              keepRawImage: policy.data.keepRawImage,
              retentionDays: policy.data.retentionDays ?? 30,
            }}
            onFinish={(v: { keepRawImage: boolean; retentionDays?: number | null }) => {
              setPolicy.mutate(v);
            }}
          >
            <Form.Item name="keepRawImage" label={t('profile.keepRawImage')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item noStyle dependencies={['keepRawImage']}>
              {({ getFieldValue }) =>
                getFieldValue('keepRawImage') === true ? (
                  <Form.Item
                    name="retentionDays"
                    label={t('profile.retentionDays')}
                    extra={t('profile.retentionHint')}
                  >
                    <InputNumber min={1} max={365} precision={0} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
            {isAdmin ? (
              <Button htmlType="submit" loading={setPolicy.isPending}>
                {t('profile.savePolicy')}
              </Button>
            ) : (
              <Alert type="info" title={t('profile.adminOnly')} />
            )}
            <div aria-live="polite">{setPolicy.isSuccess ? <p>{t('profile.saved')}</p> : null}</div>
            <ErrorAlert error={setPolicy.error} namespace="console" />
          </Form>
        ) : null}
      </Card>
    </>
  );
}
