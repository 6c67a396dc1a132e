import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { saveBlob } from '../../../ui/save-blob';
import { useExam } from '../exams/exam-api';
import { formatInstant } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import { AccommodationsPanel } from './AccommodationsPanel';
import { ReasonModal } from './ReasonModal';
import {
  approveRegistration,
  exportRegistrations,
  REGISTRATION_STATUSES,
  type RegistrationFilter,
  registrationKeys,
  type RegistrationStatus,
  rejectRegistration,
  revealRegistration,
  type StaffRegistration,
  useRegistrations,
} from './registration-api';

type Dialog =
  | { kind: 'reject'; registration: StaffRegistration }
  | { kind: 'reveal'; registration: StaffRegistration }
  | { kind: 'accommodate'; registration: StaffRegistration }
  | null;

/** /console/:institutionId/exams/:examId/registrations: review, export, reveal, accommodations. */
export function RegistrationsPage() {
  const { t, i18n } = useTranslation('console');
  const { institutionId, isAdmin } = useConsole();
  const { examId = '' } = useParams();
  const queryClient = useQueryClient();
  const exam = useExam(institutionId, examId);
  const [filter, setFilter] = useState<RegistrationFilter>({ page: 1, pageSize: 20 });
  const registrations = useRegistrations(institutionId, examId, filter);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<{ number: string; answers: Record<string, string> } | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: registrationKeys.all(institutionId, examId) });

  const approve = useMutation({
    mutationFn: (r: StaffRegistration) => approveRegistration(institutionId, examId, r.registrationId),
    onSuccess: refresh,
  });
  const reject = useMutation({
    mutationFn: ({ r, reason }: { r: StaffRegistration; reason: string }) =>
      rejectRegistration(institutionId, examId, r.registrationId, reason),
    onSuccess: async () => {
      setDialog(null);
      await refresh();
    },
  });
  const reveal = useMutation({
    mutationFn: ({ r, reason }: { r: StaffRegistration; reason: string }) =>
      revealRegistration(institutionId, examId, r.registrationId, reason),
    onSuccess: (answers, { r }) => {
      setDialog(null);
      setRevealed({ number: r.registrationNumber, answers });
    },
  });
  const download = useMutation({
    mutationFn: () => exportRegistrations(institutionId, examId),
    onSuccess: (blob) => {
      saveBlob(blob, 'registrations.xlsx');
    },
  });

  const formFields = exam.data?.settings.registrationForm ?? [];
  const labelOf = (key: string) => formFields.find((f) => f.key === key)?.label ?? key;
  const title = exam.data ? t('registrations.titleOf', { title: exam.data.title }) : t('registrations.title');

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <LinkButton to={`/console/${institutionId}/exams/${examId}`}>
          {t('registrations.backToExam')}
        </LinkButton>
        <Button
          onClick={() => {
            download.mutate();
          }}
          loading={download.isPending}
        >
          {t('registrations.export')}
        </Button>
      </Space>
      <p>{isAdmin ? t('registrations.maskedAdmin') : t('registrations.maskedStaff')}</p>
      <Form
        layout="inline"
        name="registrationFilter"
        onFinish={(v: { status?: RegistrationStatus; registrationNumber?: string }) => {
          setFilter({ ...filter, page: 1, status: v.status, registrationNumber: v.registrationNumber });
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="status" label={t('registrations.filterStatus')}>
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('registrations.anyStatus')}
            options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrations.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="registrationNumber"
          label={t('registrations.filterNumber')}
          rules={[{ pattern: /^[A-Za-z0-9]{0,20}$/, message: t('registrations.numberInvalid') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('registrations.search')}</Button>
        </Form.Item>
      </Form>
      <ErrorAlert
        error={exam.error ?? registrations.error ?? approve.error ?? download.error}
        namespace="console"
      />
      <Table<StaffRegistration>
        rowKey="registrationId"
        loading={registrations.isFetching}
        dataSource={registrations.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: registrations.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (page, pageSize) => {
            setFilter({ ...filter, page, pageSize });
          },
        }}
        columns={[
          { title: t('registrations.columns.number'), dataIndex: 'registrationNumber' },
          {
            title: t('registrations.columns.status'),
            dataIndex: 'status',
            render: (s: RegistrationStatus) => t(`registrations.status.${s}`),
          },
          {
            title: t('registrations.columns.name'),
            dataIndex: 'verifiedName',
            render: (v: string | null) => v ?? '—',
          },
          ...formFields.map((f) => ({
            title: f.label,
            key: `answer-${f.key}`,
            render: (_: unknown, r: StaffRegistration) => r.answers[f.key] ?? '—',
          })),
          {
            title: t('registrations.columns.fee'),
            key: 'fee',
            render: (_: unknown, r: StaffRegistration) =>
              r.feeFen === 0
                ? t('registrations.free')
                : t(r.paid ? 'registrations.paid' : 'registrations.unpaid', {
                    yuan: (r.feeFen / 100).toFixed(2),
                  }),
          },
          {
            title: t('registrations.columns.createdAt'),
            dataIndex: 'createdAt',
            render: (iso: string) => formatInstant(iso, i18n.language),
          },
          {
            title: t('registrations.columns.reason'),
            dataIndex: 'reviewReason',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('registrations.columns.actions'),
            key: 'actions',
            render: (_: unknown, r: StaffRegistration) => (
              <Space wrap size={4}>
                {r.status === 'pending_review' ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={approve.isPending && approve.variables.registrationId === r.registrationId}
                    onClick={() => {
                      approve.mutate(r);
                    }}
                    aria-label={t('registrations.approveOf', { number: r.registrationNumber })}
                  >
                    {t('registrations.approve')}
                  </Button>
                ) : null}
                {r.status === 'pending_review' || r.status === 'pending_payment' ? (
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      reject.reset();
                      setDialog({ kind: 'reject', registration: r });
                    }}
                    aria-label={t('registrations.rejectOf', { number: r.registrationNumber })}
                  >
                    {t('registrations.reject')}
                  </Button>
                ) : null}
                {isAdmin ? (
                  <Button
                    size="small"
                    onClick={() => {
                      reveal.reset();
                      setDialog({ kind: 'reveal', registration: r });
                    }}
                    aria-label={t('registrations.revealOf', { number: r.registrationNumber })}
                  >
                    {t('registrations.reveal')}
                  </Button>
                ) : null}
                <Button
                  size="small"
                  onClick={() => {
                    setDialog({ kind: 'accommodate', registration: r });
                  }}
                  aria-label={t('registrations.accommodateOf', { number: r.registrationNumber })}
                >
                  {t('registrations.accommodate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'reject' ? (
        <ReasonModal
          title={t('registrations.rejectTitle', { number: dialog.registration.registrationNumber })}
          intro={t('registrations.rejectIntro')}
          label={t('registrations.rejectReason')}
          okText={t('registrations.reject')}
          minLength={2}
          danger
          busy={reject.isPending}
          error={reject.error}
          onSubmit={(reason) => {
            reject.mutate({ r: dialog.registration, reason });
          }}
          onCancel={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {dialog?.kind === 'reveal' ? (
        <ReasonModal
          title={t('registrations.revealTitle', { number: dialog.registration.registrationNumber })}
          intro={t('registrations.revealIntro')}
          label={t('registrations.revealReason')}
          okText={t('registrations.reveal')}
          minLength={10}
          busy={reveal.isPending}
          error={reveal.error}
          onSubmit={(reason) => {
            reveal.mutate({ r: dialog.registration, reason });
          }}
          onCancel={() => {
            setDialog(null);
          }}
        />
      ) : null}
      {revealed ? (
        <Modal
          open
          title={t('registrations.revealedTitle', { number: revealed.number })}
          footer={
            <Button
              onClick={() => {
                setRevealed(null);
              }}
            >
              {t('close')}
            </Button>
          }
          onCancel={() => {
            setRevealed(null);
          }}
        >
          <Descriptions
            column={1}
            bordered
            size="small"
            items={Object.entries(revealed.answers).map(([key, value]) => ({
              key,
              label: labelOf(key),
              children: value,
            }))}
          />
        </Modal>
      ) : null}
      <AccommodationsPanel
        examId={examId}
        registrations={registrations.data?.items ?? []}
        editing={
          dialog?.kind === 'accommodate'
            ? { userId: dialog.registration.userId, label: dialog.registration.registrationNumber }
            : null
        }
        onClose={() => {
          setDialog(null);
        }}
      />
    </>
  );
}
