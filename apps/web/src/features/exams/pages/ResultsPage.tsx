import { Alert, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { ApiError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useResults } from '../api/hooks';
import type { AttemptResult, ExamResults } from '../api/types';
import { formatDateTime } from '../logic/dates';
import { formatScore, resultsUnavailable } from '../logic/results-availability';
import { CertificatePanel } from '../ui/CertificatePanel';
import { ToneTag } from '../ui/ToneTag';

/** The candidate's results at one exam, as its release policy allows: score, verdict, attempts, review. */
export function ResultsPage() {
  const { examId = '' } = useParams();
  const { t } = useTranslation('exams');
  const results = useResults(examId);
  return (
    <>
      <PageTitle>
        {results.data ? t('results.titleOf', { title: results.data.title }) : t('results.title')}
      </PageTitle>
      {results.error ? (
        <NotAvailable error={results.error} />
      ) : !results.data ? (
        <Skeleton active />
      ) : (
        <Released results={results.data} />
      )}
      <div style={{ marginTop: 16 }}>
        <LinkButton to="/my/exams" type="link">
          {t('registration.backToMine')}
        </LinkButton>
      </div>
    </>
  );
}

function NotAvailable({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('exams');
  const why = error instanceof ApiError ? resultsUnavailable(error.code, error.details) : null;
  if (why === null) return <ErrorAlert error={error} namespace="exams" />;
  const description =
    why.kind === 'release_date'
      ? why.availableAt
        ? t('results.expectedAt', { at: formatDateTime(why.availableAt, i18n.language) })
        : t('results.expectedLater')
      : t(`results.unavailable.${why.kind}`);
  return <Alert type="info" showIcon title={t('results.notYet')} description={description} />;
}

function Released({ results }: { results: ExamResults }) {
  const { t } = useTranslation('exams');
  const graded = results.score !== null && results.maxScore !== null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {graded ? (
        <Result
          status={results.passed ? 'success' : 'warning'}
          title={
            <span data-testid="results-score">
              {t('results.score', {
                score: formatScore(results.score ?? 0),
                max: formatScore(results.maxScore ?? 0),
              })}
            </span>
          }
          subTitle={
            <Space orientation="vertical">
              <ToneTag tone={results.passed ? 'success' : 'error'}>
                {results.passed ? t('results.passed') : t('results.failed')}
              </ToneTag>
              <span>{t('results.passScore', { score: formatScore(results.passScore) })}</span>
            </Space>
          }
        />
      ) : (
        <Alert type="info" showIcon title={t('results.notGradedYet')} />
      )}
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading" className="section-heading">
          {t('results.attempts')}
        </h2>
        <ul className="exam-cards exam-cards--single">
          {results.items.map((attempt) => (
            <li key={attempt.attemptId}>
              <AttemptCard attempt={attempt} />
            </li>
          ))}
        </ul>
      </section>
      {results.passed ? <CertificatePanel examId={results.examId} /> : null}
    </Space>
  );
}

function AttemptCard({ attempt }: { attempt: AttemptResult }) {
  const { t, i18n } = useTranslation('exams');
  return (
    <Card
      size="small"
      title={<h3 className="card-heading">{t('results.attemptNo', { n: attempt.attemptNo })}</h3>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'status',
            label: t('results.attemptStatus'),
            children: t(`results.attemptStatuses.${attempt.status}`, { defaultValue: attempt.status }),
          },
          ...(attempt.submittedAt
            ? [
                {
                  key: 'at',
                  label: t('results.submittedAt'),
                  children: formatDateTime(attempt.submittedAt, i18n.language),
                },
              ]
            : []),
          {
            key: 'score',
            label: t('results.attemptScore'),
            children:
              attempt.score === null
                ? t('results.notGradedYet')
                : t('results.score', {
                    score: formatScore(attempt.score),
                    max: formatScore(attempt.maxScore),
                  }),
          },
          ...(attempt.counted
            ? [{ key: 'counted', label: t('results.counted'), children: t('results.countedYes') }]
            : []),
        ]}
      />
      {attempt.reviewAvailable ? (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          <LinkButton to={`/my/attempts/${attempt.attemptId}/review`}>{t('results.review')}</LinkButton>
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
