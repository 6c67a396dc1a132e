import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useConsole } from '../shared/use-console';
import { examKeys, type ExamStep, stepExam } from './exam-api';
import type { Exam, ExamStatus } from './exam-types';

/** The next steps of the exam's life cycle (draft → published → closed → archived); administrators only. */
const NEXT: Record<ExamStatus, ExamStep | null> = {
  draft: 'publish',
  published: 'close',
  closed: 'archive',
  archived: null,
};

export function ExamActions({ exam }: { exam: Exam }) {
  const { t } = useTranslation('console');
  const { institutionId, isAdmin } = useConsole();
  const queryClient = useQueryClient();
  const step = useMutation({
    mutationFn: (next: ExamStep) => stepExam(institutionId, exam.examId, next),
    onSuccess: async (updated) => {
      queryClient.setQueryData(examKeys.one(institutionId, exam.examId), updated);
      await queryClient.invalidateQueries({ queryKey: examKeys.all(institutionId), exact: true });
    },
  });
  const next = NEXT[exam.status];
  if (next === null) return null;
  if (!isAdmin) return <p>{t('examActions.adminOnly')}</p>;
  return (
    <div style={{ marginBottom: 16 }}>
      <Space wrap>
        <Popconfirm
          title={t(`examActions.confirm.${next}`)}
          okText={t(`examActions.${next}`)}
          cancelText={t('cancel')}
          onConfirm={() => {
            step.mutate(next);
          }}
        >
          <Button type={next === 'publish' ? 'primary' : 'default'} loading={step.isPending}>
            {t(`examActions.${next}`)}
          </Button>
        </Popconfirm>
      </Space>
      <ErrorAlert error={step.error} namespace="console" />
    </div>
  );
}
