import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useExamPaper } from '../exams/use-exam-paper';
import { useInstitutionId } from '../shared/use-institution';
import { type MarkMessage, markMessage } from './mark-outcome';
import { scriptLabel } from './mark-rules';
import { MarkedInSession } from './MarkedInSession';
import { claimBatch, getMarkingProgress, type MarkingTask } from './marking-api';
import { MarkingTaskCard } from './MarkingTaskCard';
import { questionName } from './question-name';
import { useSessionMarks } from './use-session-marks';

/**
 * The anonymous queue of one question across every script: claim a batch (in the server's order for this
 * marker), mark each answer with the rubric beside it, then the next.
 */
export function MarkingQueuePage() {
  const { t } = useTranslation('consoleOps');
  const institutionId = useInstitutionId();
  const { examId = '', questionId = '' } = useParams();
  const queryClient = useQueryClient();
  const progressKey = ['consoleOps', 'marking', institutionId, examId];
  const progress = useQuery({
    queryKey: progressKey,
    queryFn: () => getMarkingProgress(institutionId, examId),
  });
  const { questions } = useExamPaper(institutionId, examId);
  const [tasks, setTasks] = useState<MarkingTask[] | null>(null);
  const [index, setIndex] = useState(0);
  const [last, setLast] = useState<{
    message: MarkMessage;
    script: string;
    mark: number;
    finalMark: number | null;
  } | null>(null);
  const session = useSession();
  const isAdmin =
    session?.memberships.some((m) => m.institutionId === institutionId && m.roles.includes('org_admin')) ??
    false;
  const sessionMarks = useSessionMarks(institutionId, examId, questionId);
  const claim = useMutation({
    mutationFn: () => claimBatch(institutionId, examId, questionId),
    onSuccess: (items) => {
      setTasks(items);
      setIndex(0);
    },
  });
  const question = progress.data?.questions.find((q) => q.questionId === questionId);
  const name = questionName(questionId, questions, t);
  const task = tasks?.[index];
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>{t('queue.title', { question: name })}</PageTitle>
        <Typography.Paragraph>{t('queue.intro')}</Typography.Paragraph>
        <ErrorAlert error={progress.error ?? claim.error} namespace="consoleOps" />
        {question ? (
          <Typography.Paragraph aria-live="polite">
            {t('queue.progress', {
              toMark: question.toMark,
              inReconciliation: question.inReconciliation,
              marked: question.marked,
            })}
          </Typography.Paragraph>
        ) : null}
        <Space wrap>
          {task === undefined ? (
            <Button
              type="primary"
              loading={claim.isPending}
              onClick={() => {
                claim.mutate();
              }}
            >
              {t('queue.claim')}
            </Button>
          ) : null}
          <LinkButton to={`/console/${institutionId}/marking/${examId}`}>{t('queue.back')}</LinkButton>
        </Space>
      </Card>
      {last ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t(`queue.${last.message}`, {
            script: last.script,
            mark: last.mark,
            final: last.finalMark ?? '—',
          })}
        />
      ) : null}
      {tasks !== null && task === undefined ? (
        <Alert type="info" showIcon title={tasks.length === 0 ? t('queue.empty') : t('queue.batchDone')} />
      ) : null}
      {task ? (
        <MarkingTaskCard
          key={task.scriptId}
          institutionId={institutionId}
          examId={examId}
          task={task}
          position={index + 1}
          of={tasks.length}
          onMarked={(result, mark) => {
            setLast({
              message: markMessage(result),
              script: scriptLabel(result.scriptId),
              mark,
              finalMark: result.finalMark,
            });
            sessionMarks.record({
              scriptId: result.scriptId,
              questionId: result.questionId,
              mark,
              status: result.status,
              finalMark: result.finalMark,
              maxMark: task.maxMark,
              step: task.step,
            });
            setIndex((i) => i + 1);
            void queryClient.invalidateQueries({ queryKey: progressKey });
          }}
          onSkip={() => {
            setIndex((i) => i + 1);
          }}
        />
      ) : null}
      {sessionMarks.marks.length > 0 ? (
        <MarkedInSession
          institutionId={institutionId}
          examId={examId}
          marks={sessionMarks.marks}
          canRemark={isAdmin}
          onRemarked={(mark) => {
            sessionMarks.record(mark);
            void queryClient.invalidateQueries({ queryKey: progressKey });
          }}
        />
      ) : null}
    </div>
  );
}
