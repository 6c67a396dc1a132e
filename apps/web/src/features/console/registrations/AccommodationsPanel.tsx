import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { examKeys, useAccommodations } from '../exams/exam-api';
import type { Accommodation } from '../exams/exam-types';
import { examPath } from '../shared/api-paths';
import { formatInstant, fromLocalInput, toLocalInput } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import type { StaffRegistration } from './registration-api';

export interface AccommodationTarget {
  userId: string;
  /** How the page names the candidate (the registration number). */
  label: string;
}

interface Values {
  extraMinutes: number;
  extraAttempts: number;
  windowOpensAt?: string;
  windowClosesAt?: string;
  note?: string;
}

/** The exam's accommodations (extra time, own window, extra attempts) per candidate. */
export function AccommodationsPanel(props: {
  examId: string;
  registrations: StaffRegistration[];
  editing: AccommodationTarget | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('console');
  const { institutionId } = useConsole();
  const queryClient = useQueryClient();
  const list = useAccommodations(institutionId, props.examId);
  const [own, setOwn] = useState<AccommodationTarget | null>(null);
  const target = props.editing ?? own;
  const path = (userId: string) => examPath(institutionId, `/exams/${props.examId}/accommodations/${userId}`);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: examKeys.accommodations(institutionId, props.examId) });
  const close = () => {
    setOwn(null);
    props.onClose();
  };
  const save = useMutation({
    mutationFn: ({ userId, values }: { userId: string; values: Values }) => {
      const opens = fromLocalInput(values.windowOpensAt);
      const closes = fromLocalInput(values.windowClosesAt);
      return api<Accommodation>(path(userId), {
        method: 'PUT',
        body: {
          extraMinutes: values.extraMinutes,
          extraAttempts: values.extraAttempts,
          ...(opens ? { windowOpensAt: opens } : {}),
          ...(closes ? { windowClosesAt: closes } : {}),
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        },
      });
    },
    onSuccess: async () => {
      close();
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api(path(userId), { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const nameOf = (userId: string) =>
    props.registrations.find((r) => r.userId === userId)?.registrationNumber ?? t('accommodations.someone');
  const existing = target ? list.data?.find((a) => a.userId === target.userId) : undefined;

  return (
    <section aria-labelledby="accommodations-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="accommodations-title" style={{ fontSize: 18 }}>
        {t('accommodations.title')}
      </Typography.Title>
      <p>{t('accommodations.intro')}</p>
      <ErrorAlert error={list.error ?? remove.error} namespace="console" />
      <Table<Accommodation>
        rowKey="userId"
        loading={list.isPending}
        dataSource={list.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          {
            title: t('accommodations.columns.candidate'),
            key: 'who',
            render: (_: unknown, a) => nameOf(a.userId),
          },
          { title: t('accommodations.columns.extraMinutes'), dataIndex: 'extraMinutes' },
          { title: t('accommodations.columns.extraAttempts'), dataIndex: 'extraAttempts' },
          {
            title: t('accommodations.columns.closes'),
            dataIndex: 'effectiveClosesAt',
            render: (iso: string) => formatInstant(iso, i18n.language),
          },
          { title: t('accommodations.columns.note'), dataIndex: 'note' },
          {
            title: t('accommodations.columns.actions'),
            key: 'actions',
            render: (_: unknown, a) => (
              <Space size={4}>
                <Button
                  size="small"
                  onClick={() => {
                    setOwn({ userId: a.userId, label: nameOf(a.userId) });
                  }}
                >
                  {t('accommodations.edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    remove.mutate(a.userId);
                  }}
                  loading={remove.isPending}
                >
                  {t('accommodations.remove')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {target ? (
        <Modal
          open
          title={t('accommodations.dialogTitle', { who: target.label })}
          okText={t('save')}
          cancelText={t('cancel')}
          okButtonProps={{ htmlType: 'submit', form: 'accommodation', loading: save.isPending }}
          onCancel={close}
        >
          <Form<Values>
            name="accommodation"
            layout="vertical"
            initialValues={{
              extraMinutes: existing?.extraMinutes ?? 0,
              extraAttempts: existing?.extraAttempts ?? 0,
              windowOpensAt: toLocalInput(existing?.windowOpensAt),
              windowClosesAt: toLocalInput(existing?.windowClosesAt),
              note: existing?.note ?? '',
            }}
            onFinish={(values) => {
              save.mutate({ userId: target.userId, values });
            }}
          >
            <Form.Item name="extraMinutes" label={t('accommodations.columns.extraMinutes')}>
              <InputNumber min={0} max={1440} precision={0} />
            </Form.Item>
            <Form.Item name="extraAttempts" label={t('accommodations.columns.extraAttempts')}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
            <Form.Item name="windowOpensAt" label={t('accommodations.windowOpensAt')}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="windowClosesAt" label={t('accommodations.windowClosesAt')}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="note" label={t('accommodations.columns.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
          <ErrorAlert error={save.error} namespace="console" />
        </Modal>
      ) : null}
    </section>
  );
}
