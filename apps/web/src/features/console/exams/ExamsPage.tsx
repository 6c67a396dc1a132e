import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { formatInstant } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import { useExams } from './exam-api';
import { ExamStatusTag } from './ExamStatusTag';

/** The institution's exams, newest first as the API gives them, with their state and seats. */
export function ExamsPage() {
  const { t, i18n } = useTranslation('console');
  const { institutionId } = useConsole();
  const exams = useExams(institutionId);
  const base = `/console/${institutionId}/exams`;
  return (
    <>
      <PageTitle>{t('exams.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <LinkButton type="primary" to={`${base}/new`}>
          {t('exams.create')}
        </LinkButton>
      </Space>
      <ErrorAlert error={exams.error} namespace="console" onRetry={() => void exams.refetch()} />
      <Table
        rowKey="examId"
        loading={exams.isPending}
        dataSource={exams.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('exams.columns.title'),
            dataIndex: 'title',
            render: (title: string, exam) => <Link to={`${base}/${exam.examId}`}>{title}</Link>,
          },
          {
            title: t('exams.columns.status'),
            dataIndex: 'status',
            render: (_: string, exam) => (
              <Space size={4} wrap>
                <ExamStatusTag status={exam.status} />
                {exam.practice ? <Tag>{t('exams.practice')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('exams.columns.opensAt'),
            dataIndex: 'opensAt',
            render: (iso: string) => formatInstant(iso, i18n.language),
          },
          {
            title: t('exams.columns.seats'),
            key: 'seats',
            render: (_: unknown, exam) =>
              exam.capacity === null
                ? exam.seatsTaken
                : `${String(exam.seatsTaken)} / ${String(exam.capacity)}`,
          },
          {
            title: t('exams.columns.actions'),
            key: 'actions',
            render: (_: unknown, exam) =>
              exam.practice ? null : (
                <Link to={`${base}/${exam.examId}/registrations`}>{t('exams.registrations')}</Link>
              ),
          },
        ]}
      />
    </>
  );
}
