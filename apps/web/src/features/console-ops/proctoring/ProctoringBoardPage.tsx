import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { getExam } from '../exams/exams-api';
import { formatTime } from '../shared/format';
import { useInstitutionId } from '../shared/use-institution';
import { AttemptTimelineDrawer } from './AttemptTimelineDrawer';
import { BOARD_GROUPS, candidateLabel, groupBoard } from './board-groups';
import { BoardSection } from './BoardSection';
import { type BoardCandidate, getBoard, type StaffAction, type StaffActionResult } from './proctoring-api';
import { StaffActionDialog } from './StaffActionDialog';

const REFRESH_MS = 5_000;
const SUMMARY_KEYS = [
  'not_started',
  'in_progress',
  'paused',
  'submitted',
  'graded',
  'terminated',
  'flagged',
] as const;

interface Target {
  attemptId: string;
  who: string;
}

/** The live board of one exam: candidates by state, refreshed every few seconds, with timelines and staff actions. */
export function ProctoringBoardPage() {
  const { t, i18n } = useTranslation('consoleOps');
  const institutionId = useInstitutionId();
  const { examId = '' } = useParams();
  const queryClient = useQueryClient();
  const boardKey = ['consoleOps', 'board', institutionId, examId];
  const exam = useQuery({
    queryKey: ['consoleOps', 'exam', institutionId, examId],
    queryFn: () => getExam(institutionId, examId),
  });
  const board = useQuery({
    queryKey: boardKey,
    queryFn: () => getBoard(institutionId, examId),
    refetchInterval: REFRESH_MS,
  });
  const [now, setNow] = useState(() => Date.now());
  const [dialog, setDialog] = useState<(Target & { action: StaffAction }) | null>(null);
  const [timelineOf, setTimelineOf] = useState<Target | null>(null);
  const [done, setDone] = useState<(StaffActionResult & { who: string }) | null>(null);

  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 1_000);
    return () => {
      window.clearInterval(timer);
    };
  }, []);

  const target = (c: BoardCandidate): Target | null =>
    c.attempt ? { attemptId: c.attempt.attemptId, who: candidateLabel(c) } : null;

  const groups = groupBoard(board.data?.candidates ?? []);
  const title = exam.data ? t('board.title', { title: exam.data.title }) : t('proctoring.title');
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>{title}</PageTitle>
        <Typography.Paragraph>{t('board.intro')}</Typography.Paragraph>
        <ErrorAlert
          error={exam.error ?? board.error}
          namespace="consoleOps"
          onRetry={() => void board.refetch()}
        />
        {board.data ? (
          <Descriptions
            size="small"
            column={{ xs: 2, sm: 4, md: 7 }}
            items={SUMMARY_KEYS.map((key) => ({
              key,
              label: key === 'flagged' ? t('board.flagged') : t(`state.${key}`),
              children: board.data.summary[key],
            }))}
          />
        ) : null}
        <Space wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">
            {board.data
              ? t('board.updated', { time: formatTime(board.data.serverTime, i18n.language) })
              : t('board.loading')}
          </Typography.Text>
          <Button onClick={() => void board.refetch()} loading={board.isFetching}>
            {t('board.refresh')}
          </Button>
          <LinkButton to={`/console/${institutionId}/proctoring`}>{t('picker.other')}</LinkButton>
        </Space>
      </Card>
      {done ? (
        <Alert
          type="success"
          showIcon
          role="status"
          closable={{
            onClose: () => {
              setDone(null);
            },
          }}
          title={t(`action.${done.action}.done`, {
            who: done.who,
            minutes: done.minutes ?? 0,
            deadline: formatTime(done.attempt.deadline, i18n.language),
          })}
          description={t('action.doneReason', { reason: done.reason })}
        />
      ) : null}
      {board.data
        ? BOARD_GROUPS.map((group) => (
            <BoardSection
              key={group}
              group={group}
              candidates={groups[group]}
              serverTime={board.data.serverTime}
              now={now}
              onTimeline={(c) => {
                setTimelineOf(target(c));
              }}
              onAction={(c, action) => {
                const t2 = target(c);
                if (t2) setDialog({ ...t2, action });
              }}
            />
          ))
        : null}
      {dialog ? (
        <StaffActionDialog
          institutionId={institutionId}
          attemptId={dialog.attemptId}
          who={dialog.who}
          action={dialog.action}
          onClose={() => {
            setDialog(null);
          }}
          onDone={(result) => {
            setDone({ ...result, who: dialog.who });
            setDialog(null);
            void queryClient.invalidateQueries({ queryKey: boardKey });
            void queryClient.invalidateQueries({ queryKey: ['consoleOps', 'timeline', institutionId] });
          }}
        />
      ) : null}
      {timelineOf ? (
        <AttemptTimelineDrawer
          institutionId={institutionId}
          attemptId={timelineOf.attemptId}
          who={timelineOf.who}
          onClose={() => {
            setTimelineOf(null);
          }}
        />
      ) : null}
    </div>
  );
}
