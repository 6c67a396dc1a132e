import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { examPath } from '../shared/api-paths';
import { formatInstant } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import { bankKeys, useBanks } from './bank-api';
import type { Bank } from './question-types';

/** The institution's question banks, and a new one. */
export function BanksPage() {
  const { t, i18n } = useTranslation('console');
  const { institutionId } = useConsole();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const banks = useBanks(institutionId);
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const create = useMutation({
    mutationFn: (values: { name: string; description?: string }) =>
      api<Bank>(examPath(institutionId, '/banks'), {
        body: {
          name: values.name.trim(),
          ...(values.description?.trim() ? { description: values.description.trim() } : {}),
        },
      }),
    onSuccess: async (bank) => {
      await queryClient.invalidateQueries({ queryKey: bankKeys.all(institutionId) });
      void navigate(`/console/${institutionId}/banks/${bank.bankId}`);
    },
  });
  return (
    <>
      <PageTitle>{t('banks.title')}</PageTitle>
      <Card size="small" title={t('banks.create')} style={{ marginBottom: 16, maxWidth: 640 }}>
        <Form
          form={form}
          name="newBank"
          layout="vertical"
          onFinish={(v) => {
            create.mutate(v);
          }}
        >
          <Form.Item
            name="name"
            label={t('banks.name')}
            rules={[{ required: true, whitespace: true, message: t('questionForm.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('banks.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('banks.createButton')}
          </Button>
        </Form>
        <ErrorAlert error={create.error} namespace="console" />
      </Card>
      <ErrorAlert error={banks.error} namespace="console" onRetry={() => void banks.refetch()} />
      <Table<Bank>
        rowKey="bankId"
        loading={banks.isPending}
        dataSource={banks.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('banks.name'),
            dataIndex: 'name',
            render: (name: string, bank) => (
              <Link to={`/console/${institutionId}/banks/${bank.bankId}`}>{name}</Link>
            ),
          },
          { title: t('banks.description'), dataIndex: 'description' },
          {
            title: t('banks.updatedAt'),
            dataIndex: 'updatedAt',
            render: (iso: string) => formatInstant(iso, i18n.language),
          },
        ]}
      />
    </>
  );
}
