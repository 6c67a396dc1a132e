import { useQuery } from '@tanstack/react-query';
import { Card, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageTitle } from '../../../ui/PageTitle';
import { EmptyText } from '../shared/EmptyText';
import { formatDateTime } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { useInstitutionId } from '../shared/use-institution';
import { examsToPick } from './exam-choice';
import { type ConsoleExam, listExams } from './exams-api';

export type OpsSection = 'proctoring' | 'marking' | 'results';

/** A section's landing page: the institution's exams (not drafts), to pick the one to work on. */
export function ExamPickerPage({ section }: { section: OpsSection }) {
  const { t, i18n } = useTranslation('consoleOps');
  const institutionId = useInstitutionId();
  const [query, setQuery] = useState('');
  const exams = useQuery({
    queryKey: ['consoleOps', 'exams', institutionId],
    queryFn: () => listExams(institutionId),
  });
  const rows = examsToPick(exams.data ?? [], query);
  return (
    <Card>
      <PageTitle>{t(`${section}.title`)}</PageTitle>
      <Typography.Paragraph>{t(`${section}.intro`)}</Typography.Paragraph>
      <ErrorAlert error={exams.error} namespace="consoleOps" onRetry={() => void exams.refetch()} />
      <label htmlFor="ops-exam-search" className="ops-label">
        {t('picker.search')}
      </label>
      <Input
        id="ops-exam-search"
        allowClear
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
        }}
        style={{ maxWidth: 360, marginBottom: 16, display: 'block' }}
      />
      <ScrollTable label={t(`${section}.title`)}>
        <Table<ConsoleExam>
          rowKey="examId"
          loading={exams.isPending}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyText>{t('picker.none')}</EmptyText> }}
          columns={[
            {
              title: t('picker.exam'),
              dataIndex: 'title',
              render: (_: unknown, exam) => <Link to={exam.examId}>{exam.title}</Link>,
            },
            {
              title: t('picker.status'),
              dataIndex: 'status',
              render: (_: unknown, exam) => (
                <>
                  <Tag>{t(`examStatus.${exam.status}`, { defaultValue: exam.status })}</Tag>
                  {exam.practice ? <Tag>{t('picker.practice')}</Tag> : null}
                </>
              ),
            },
            {
              title: t('picker.opensAt'),
              dataIndex: 'opensAt',
              render: (_: unknown, exam) => formatDateTime(exam.opensAt, i18n.language),
            },
          ]}
        />
      </ScrollTable>
    </Card>
  );
}
