import { useQuery } from '@tanstack/react-query';
import { Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { PaperQuestion } from '../exams/paper-questions';
import { candidateLabel } from '../proctoring/board-groups';
import { getBoard } from '../proctoring/proctoring-api';
import { EmptyText } from '../shared/EmptyText';
import { formatDateTime } from '../shared/format';
import { useStaffMembers } from '../shared/members-api';
import { ScrollTable } from '../shared/ScrollTable';
import { actorOf, noteOf } from './mark-outcome';
import { questionName } from './question-name';
import { type ScoreChange, scoreHistory } from './regrade-api';

interface Props {
  institutionId: string;
  examId: string;
  questions: PaperQuestion[];
  /** Bumped after a regrade, so an open history shows the new changes. */
  version: number;
}

/** Every change of one attempt's question scores: old, new, why, who, when (attempts picked by ticket number). */
export function ScoreHistory({ institutionId, examId, questions, version }: Props) {
  const { t, i18n } = useTranslation('consoleOps');
  const [attemptId, setAttemptId] = useState<string | undefined>();
  const board = useQuery({
    queryKey: ['consoleOps', 'board', institutionId, examId],
    queryFn: () => getBoard(institutionId, examId),
  });
  const members = useStaffMembers(institutionId);
  const history = useQuery({
    queryKey: ['consoleOps', 'score-history', institutionId, examId, attemptId, version],
    queryFn: () => scoreHistory(institutionId, examId, attemptId ?? ''),
    enabled: attemptId !== undefined,
  });
  const who = (c: ScoreChange): string => {
    const actor = actorOf(c.actorId, members.data ?? []);
    return actor.kind === 'member' ? actor.name : t(`history.actors.${actor.kind}`);
  };
  const note = (c: ScoreChange): string => {
    const parsed = noteOf(c);
    if ('text' in parsed) return parsed.text || '—';
    return t(`history.resolutions.${parsed.resolution}`, {
      marks: parsed.marks.join(t('history.markSeparator')),
    });
  };
  const attempts = (board.data?.candidates ?? []).flatMap((c) =>
    c.attempt
      ? [{ value: c.attempt.attemptId, label: `${candidateLabel(c)} · ${t(`state.${c.state}`)}` }]
      : [],
  );
  return (
    <section aria-labelledby="score-history">
      <Card>
        <Typography.Title level={2} id="score-history" className="ops-heading">
          {t('history.title')}
        </Typography.Title>
        <ErrorAlert error={board.error ?? history.error ?? members.error} namespace="consoleOps" />
        <label htmlFor="ops-history-attempt" className="ops-label">
          {t('history.attempt')}
        </label>
        <Select
          id="ops-history-attempt"
          value={attemptId}
          onChange={setAttemptId}
          options={attempts}
          style={{ width: '100%', maxWidth: 360, marginBottom: 16 }}
          notFoundContent={t('history.noAttempts')}
        />
        {attemptId ? (
          <ScrollTable labelledBy="score-history">
            <Table<ScoreChange>
              size="small"
              rowKey={(c) => `${c.at}-${c.questionId}`}
              loading={history.isPending}
              dataSource={history.data ?? []}
              pagination={false}
              locale={{ emptyText: <EmptyText>{t('history.none')}</EmptyText> }}
              columns={[
                {
                  title: t('history.at'),
                  dataIndex: 'at',
                  render: (at: string) => formatDateTime(at, i18n.language),
                },
                {
                  title: t('marking.question'),
                  key: 'question',
                  render: (_: unknown, c) => questionName(c.questionId, questions, t),
                },
                { title: t('history.old'), key: 'old', render: (_: unknown, c) => c.oldScore ?? '—' },
                { title: t('history.new'), key: 'new', render: (_: unknown, c) => c.newScore ?? '—' },
                {
                  title: t('history.reason'),
                  key: 'reason',
                  render: (_: unknown, c) => t(`history.reasons.${c.reason}`, { defaultValue: c.reason }),
                },
                { title: t('history.who'), key: 'who', render: (_: unknown, c) => who(c) },
                { title: t('history.note'), key: 'note', render: (_: unknown, c) => note(c) },
              ]}
            />
          </ScrollTable>
        ) : null}
      </Card>
    </section>
  );
}
