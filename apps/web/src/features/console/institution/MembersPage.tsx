import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Popconfirm, Radio, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { accountsPath } from '../shared/api-paths';
import { formatInstant } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import {
  institutionKeys,
  type Invitation,
  type Member,
  ORG_ROLES,
  type OrgRole,
  useMembers,
} from './institution-api';

interface InviteValues {
  channel: 'email' | 'phone';
  contact: string;
  role: OrgRole;
}

/** The institution's staff and their roles; administrators invite people and remove roles. */
export function MembersPage() {
  const { t, i18n } = useTranslation('console');
  const { institutionId, isAdmin } = useConsole();
  const queryClient = useQueryClient();
  const members = useMembers(institutionId);
  const [form] = Form.useForm<InviteValues>();
  const [sent, setSent] = useState<Invitation | null>(null);
  const invite = useMutation({
    mutationFn: (v: InviteValues) =>
      api<Invitation>(accountsPath(institutionId, '/invitations'), {
        body: { [v.channel]: v.contact.trim(), role: v.role },
      }),
    onSuccess: (invitation) => {
      setSent(invitation);
      form.resetFields(['contact']);
    },
  });
  const revoke = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: OrgRole }) =>
      api(accountsPath(institutionId, `/members/${userId}/roles/${role}`), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: institutionKeys.members(institutionId) }),
  });
  const channel = Form.useWatch('channel', form) as InviteValues['channel'] | undefined;
  return (
    <>
      <PageTitle>{t('members.title')}</PageTitle>
      {isAdmin ? (
        <Card size="small" title={t('members.invite')} style={{ marginBottom: 16, maxWidth: 640 }}>
          <Form<InviteValues>
            form={form}
            name="invite"
            layout="vertical"
            initialValues={{ channel: 'email', role: 'org_staff' }}
            onFinish={(v) => {
              setSent(null);
              invite.mutate(v);
            }}
          >
            <Form.Item name="channel" label={t('members.channel')}>
              <Radio.Group
                options={[
                  { value: 'email', label: t('members.byEmail') },
                  { value: 'phone', label: t('members.byPhone') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="contact"
              label={channel === 'phone' ? t('members.phone') : t('members.email')}
              rules={[
                { required: true, whitespace: true, message: t('questionForm.required') },
                channel === 'phone'
                  ? { pattern: /^(?:\+86|0086)?\s*1[3-9]\d{9}$/, message: t('members.phoneInvalid') }
                  : { type: 'email', message: t('members.emailInvalid') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="role" label={t('members.role')}>
              <Select options={ORG_ROLES.map((r) => ({ value: r, label: t(`members.roles.${r}`) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={invite.isPending}>
              {t('members.send')}
            </Button>
          </Form>
          <div aria-live="polite" style={{ marginTop: 12 }}>
            {sent ? (
              <Alert
                type="success"
                showIcon
                title={t('members.sent', {
                  to: sent.email ?? sent.phone ?? '',
                  role: t(`members.roles.${sent.role}`),
                  until: formatInstant(sent.expiresAt, i18n.language),
                })}
              />
            ) : null}
          </div>
          <ErrorAlert error={invite.error} namespace="console" />
        </Card>
      ) : null}
      <ErrorAlert
        error={members.error ?? revoke.error}
        namespace="console"
        onRetry={() => void members.refetch()}
      />
      <Table<Member>
        rowKey="userId"
        loading={members.isPending}
        dataSource={members.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('members.nickname'), dataIndex: 'nickname' },
          {
            title: t('members.roleColumn'),
            key: 'roles',
            render: (_: unknown, m) => (
              <Space wrap>
                {m.roles.map((role) => (
                  <span key={role}>
                    {t(`members.roles.${role}`)}{' '}
                    {isAdmin ? (
                      <Popconfirm
                        title={t('members.removeConfirm', {
                          who: m.nickname,
                          role: t(`members.roles.${role}`),
                        })}
                        okText={t('members.remove')}
                        cancelText={t('cancel')}
                        onConfirm={() => {
                          revoke.mutate({ userId: m.userId, role });
                        }}
                      >
                        <Button
                          size="small"
                          aria-label={t('members.removeOf', {
                            who: m.nickname,
                            role: t(`members.roles.${role}`),
                          })}
                        >
                          {t('members.remove')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
