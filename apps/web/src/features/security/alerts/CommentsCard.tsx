import { Button, Card, Form, Input, List } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { AlertDetail } from '../api/types';
import { PersonRef } from '../shared/PersonRef';
import { useFormatters } from '../shared/use-formatters';
import { useAlertMutations } from './use-alert-mutations';

/** The staff's notes on the alert (kept in audit; only their hash goes into the chain). */
export function CommentsCard({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const { comment } = useAlertMutations();
  const [form] = Form.useForm<{ body: string }>();
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title={<h2 className="security-h2">{t('comments.title')}</h2>}>
      <List
        dataSource={alert.comments}
        locale={{ emptyText: t('comments.empty') }}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <List.Item.Meta
              title={
                <>
                  <PersonRef id={c.authorId} /> · {dateTime(c.createdAt)}
                </>
              }
              description={
                <span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{c.body}</span>
              }
            />
          </List.Item>
        )}
      />
      <ErrorAlert error={error} namespace="security" />
      <Form<{ body: string }>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        onFinish={(v) => {
          setError(null);
          comment.mutate(
            { id: alert.id, body: v.body.trim() },
            {
              onSuccess: () => {
                form.resetFields();
              },
              onError: setError,
            },
          );
        }}
      >
        <Form.Item
          label={t('comments.new')}
          name="body"
          rules={[{ required: true, whitespace: true, max: 4000, message: t('comments.required') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button htmlType="submit" loading={comment.isPending}>
          {t('comments.add')}
        </Button>
      </Form>
    </Card>
  );
}
