import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { useSession } from '../../../auth/use-session';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { getExam } from '../exams/exams-api';
import { formatRemaining } from '../proctoring/remaining-time';
import { formatNumber, formatPercent } from '../shared/format';
import { saveFile } from '../shared/save-file';
import { useInstitutionId } from '../shared/use-institution';
import { QuestionStatsTable } from './QuestionStatsTable';
import { ReleaseCard } from './ReleaseCard';
import { downloadStatistics, getStatistics } from './results-api';
import { StatisticsCharts } from './StatisticsCharts';

/** One exam's results: release (per its policy), statistics with charts and item analysis, and the .xlsx export. */
export function ResultsExamPage() {
  const { t, i18n } = useTranslation('consoleOps');
  const lang = i18n.language;
  const institutionId = useInstitutionId();
  const { examId = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const isAdmin =
    session?.memberships.some((m) => m.institutionId === institutionId && m.roles.includes('org_admin')) ??
    false;
  const exam = useQuery({
    queryKey: ['consoleOps', 'exam', institutionId, examId],
    queryFn: () => getExam(institutionId, examId),
  });
  const statsKey = ['consoleOps', 'statistics', institutionId, examId];
  const statistics = useQuery({ queryKey: statsKey, queryFn: () => getStatistics(institutionId, examId) });
  const exportFile = useMutation({
    mutationFn: () => downloadStatistics(institutionId, examId),
    onSuccess: (blob) => {
      saveFile(blob, `exam-statistics-${examId}.xlsx`);
    },
  });
  const s = statistics.data;
  const time = (seconds: number | null) => (seconds === null ? '—' : formatRemaining(seconds));
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>
          {exam.data ? t('results.examTitle', { title: exam.data.title }) : t('results.title')}
        </PageTitle>
        <ErrorAlert error={exam.error ?? statistics.error} namespace="consoleOps" />
        <Space wrap>
          <Button
            loading={exportFile.isPending}
            onClick={() => {
              exportFile.mutate();
            }}
          >
            {t('results.export')}
          </Button>
          <LinkButton to={`/console/${institutionId}/results`}>{t('picker.other')}</LinkButton>
        </Space>
        <ErrorAlert error={exportFile.error} namespace="consoleOps" />
        {exportFile.isSuccess ? (
          <Typography.Paragraph role="status" style={{ marginTop: 8 }}>
            {t('results.exported')}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {exam.data ? (
        <ReleaseCard
          institutionId={institutionId}
          exam={exam.data}
          canRelease={isAdmin}
          onReleased={() => void queryClient.invalidateQueries({ queryKey: statsKey })}
        />
      ) : null}
      {s ? (
        <section aria-labelledby="results-summary">
          <Card>
            <Typography.Title level={2} id="results-summary" className="ops-heading">
              {t('stats.summary')}
            </Typography.Title>
            {s.smallCohort ? (
              <Alert type="info" showIcon title={t('stats.smallCohort')} style={{ marginBottom: 12 }} />
            ) : null}
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 3 }}
              items={[
                { key: 'candidates', label: t('stats.candidates'), children: s.candidates },
                { key: 'max', label: t('stats.maxScore'), children: s.maxScore },
                { key: 'pass', label: t('stats.passScore'), children: s.passScore },
                { key: 'mean', label: t('stats.mean'), children: formatNumber(s.score.mean, lang) },
                { key: 'median', label: t('stats.median'), children: formatNumber(s.score.median, lang) },
                { key: 'sd', label: t('stats.sd'), children: formatNumber(s.score.standardDeviation, lang) },
                {
                  key: 'range',
                  label: t('stats.range'),
                  children: `${formatNumber(s.score.min, lang)} – ${formatNumber(s.score.max, lang)}`,
                },
                {
                  key: 'passed',
                  label: t('stats.passed'),
                  children: t('stats.passedValue', {
                    count: s.passed,
                    rate: formatPercent(s.passRate, lang),
                  }),
                },
                {
                  key: 'time',
                  label: t('stats.timeUsed'),
                  children: t('stats.timeValue', {
                    mean: time(s.timeUsedSeconds.mean),
                    median: time(s.timeUsedSeconds.median),
                    min: time(s.timeUsedSeconds.min),
                    max: time(s.timeUsedSeconds.max),
                  }),
                },
              ]}
            />
          </Card>
        </section>
      ) : null}
      {s ? (
        <section aria-labelledby="results-charts">
          <Card>
            <Typography.Title level={2} id="results-charts" className="ops-heading">
              {t('charts.title')}
            </Typography.Title>
            <StatisticsCharts stats={s} />
          </Card>
        </section>
      ) : null}
      {s ? (
        <section aria-labelledby="results-questions">
          <Card>
            <Typography.Title level={2} id="results-questions" className="ops-heading">
              {t('stats.questions')}
            </Typography.Title>
            <Typography.Paragraph>{t('stats.thresholds')}</Typography.Paragraph>
            <QuestionStatsTable questions={s.questions} />
          </Card>
        </section>
      ) : null}
    </div>
  );
}
