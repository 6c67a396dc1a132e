import { useQueryClient } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useExamPaper } from '../exams/use-exam-paper';
import { useInstitutionId } from '../shared/use-institution';
import { KeyChangeForm } from './KeyChangeForm';
import { ScoreHistory } from './ScoreHistory';

/** Key changes after the exam with their regrading (org_admin), and the score history of each attempt. */
export function RegradePage() {
  const { t } = useTranslation('consoleOps');
  const institutionId = useInstitutionId();
  const { examId = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(0);
  const isAdmin =
    session?.memberships.some((m) => m.institutionId === institutionId && m.roles.includes('org_admin')) ??
    false;
  const { exam, questions, paperError } = useExamPaper(institutionId, examId);
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>
          {exam.data ? t('regrade.title', { title: exam.data.title }) : t('regrade.open')}
        </PageTitle>
        <ErrorAlert error={exam.error ?? paperError} namespace="consoleOps" />
        <LinkButton to={`/console/${institutionId}/marking/${examId}`}>{t('queue.back')}</LinkButton>
      </Card>
      {isAdmin ? (
        <KeyChangeForm
          institutionId={institutionId}
          examId={examId}
          questions={questions}
          onRegraded={() => {
            setVersion((v) => v + 1);
            void queryClient.invalidateQueries({
              queryKey: ['consoleOps', 'statistics', institutionId, examId],
            });
          }}
        />
      ) : (
        <Card>
          <Typography.Paragraph>{t('regrade.adminOnly')}</Typography.Paragraph>
        </Card>
      )}
      <ScoreHistory institutionId={institutionId} examId={examId} questions={questions} version={version} />
    </div>
  );
}
