import { Card, Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useOpenExams } from '../api/hooks';
import type { ExamNotice } from '../api/types';
import { ExamFacts } from '../ui/ExamFacts';
import { SignInFirst } from '../ui/SignInFirst';

/** The exams open for registration (and practice exams), as cards: one column on phones, two on desktop. */
export function ExamCataloguePage() {
  const { t } = useTranslation('exams');
  const session = useSession();
  const exams = useOpenExams(session !== null);

  return (
    <>
      <PageTitle>{t('catalogue.title')}</PageTitle>
      {!session ? (
        <SignInFirst />
      ) : exams.error ? (
        <ErrorAlert error={exams.error} namespace="exams" onRetry={() => void exams.refetch()} />
      ) : !exams.data ? (
        <Skeleton active />
      ) : exams.data.length === 0 ? (
        <Empty description={t('catalogue.empty')} />
      ) : (
        <ul className="exam-cards" aria-label={t('catalogue.listLabel')}>
          {exams.data.map((exam) => (
            <li key={exam.examId}>
              <ExamCard exam={exam} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ExamCard({ exam }: { exam: ExamNotice }) {
  const { t } = useTranslation('exams');
  return (
    <Card
      title={
        <h2 className="card-heading">
          <Link to={`/exams/${exam.examId}`}>{exam.title}</Link>
        </h2>
      }
    >
      <ExamFacts exam={exam} compact />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        <LinkButton
          to={`/exams/${exam.examId}`}
          type="primary"
          aria-label={t('catalogue.openLabel', { title: exam.title })}
        >
          {exam.practice ? t('catalogue.openPractice') : t('catalogue.open')}
        </LinkButton>
      </Typography.Paragraph>
    </Card>
  );
}
