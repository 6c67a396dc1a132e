import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { useExamPaper } from '../exams/use-exam-paper';
import { EmptyText } from '../shared/EmptyText';
import { formatPercent } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { useInstitutionId } from '../shared/use-institution';
import { getMarkingProgress, type QuestionProgress } from './marking-api';
import { questionName } from './question-name';

/** One exam's marking: how it is marked (single or double), and each question's queue to open. */
export function MarkingExamPage() {
  const { t, i18n } = useTranslation('consoleOps');
  const institutionId = useInstitutionId();
  const { examId = '' } = useParams();
  const { exam, questions } = useExamPaper(institutionId, examId);
  const progress = useQuery({
    queryKey: ['consoleOps', 'marking', institutionId, examId],
    queryFn: () => getMarkingProgress(institutionId, examId),
  });
  const base = `/console/${institutionId}/marking/${examId}`;
  const p = progress.data;
  return (
    <div className="ops-stack">
      <Card>
        <PageTitle>
          {exam.data ? t('marking.examTitle', { title: exam.data.title }) : t('marking.title')}
        </PageTitle>
        <ErrorAlert error={exam.error ?? progress.error} namespace="consoleOps" />
        {p ? (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'mode',
                label: t('marking.mode'),
                children: p.doubleMarking ? t('marking.double') : t('marking.single'),
              },
              ...(p.doubleMarking
                ? [
                    {
                      key: 'rule',
                      label: t('marking.reconciliation'),
                      children: t(`marking.rules.${p.reconciliation}`, { defaultValue: p.reconciliation }),
                    },
                    {
                      key: 'tolerance',
                      label: t('marking.tolerance'),
                      children: formatPercent(p.toleranceFraction, i18n.language),
                    },
                  ]
                : []),
              { key: 'step', label: t('marking.step'), children: t('marking.points', { count: p.step }) },
            ]}
          />
        ) : null}
        {p?.doubleMarking ? <Typography.Paragraph>{t('marking.doubleHint')}</Typography.Paragraph> : null}
        <Space wrap style={{ marginTop: 8 }}>
          <LinkButton to={`${base}/regrade`}>{t('regrade.open')}</LinkButton>
          <LinkButton to={`/console/${institutionId}/marking`}>{t('picker.other')}</LinkButton>
        </Space>
      </Card>
      <section aria-labelledby="marking-questions">
        <Card>
          <Typography.Title level={2} id="marking-questions" className="ops-heading">
            {t('marking.questions')}
          </Typography.Title>
          <ScrollTable labelledBy="marking-questions">
            <Table<QuestionProgress>
              rowKey="questionId"
              size="small"
              loading={progress.isPending}
              dataSource={p?.questions ?? []}
              pagination={false}
              locale={{ emptyText: <EmptyText>{t('marking.nothing')}</EmptyText> }}
              columns={[
                {
                  title: t('marking.question'),
                  key: 'question',
                  render: (_: unknown, q) => (
                    <Link to={`${base}/questions/${q.questionId}`}>
                      {questionName(q.questionId, questions, t)}
                    </Link>
                  ),
                },
                { title: t('marking.toMark'), dataIndex: 'toMark' },
                { title: t('marking.inReconciliation'), dataIndex: 'inReconciliation' },
                { title: t('marking.marked'), dataIndex: 'marked' },
              ]}
            />
          </ScrollTable>
        </Card>
      </section>
    </div>
  );
}
