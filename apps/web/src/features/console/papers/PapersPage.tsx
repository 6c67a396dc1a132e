import { Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { formatInstant } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import { usePapers } from './paper-api';
import type { Paper, PaperKind } from './paper-types';

export function PapersPage() {
  const { t, i18n } = useTranslation('console');
  const { institutionId } = useConsole();
  const papers = usePapers(institutionId);
  const base = `/console/${institutionId}/papers`;
  return (
    <>
      <PageTitle>{t('papers.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <LinkButton type="primary" to={`${base}/new`}>
          {t('papers.create')}
        </LinkButton>
      </Space>
      <ErrorAlert error={papers.error} namespace="console" onRetry={() => void papers.refetch()} />
      <Table<Paper>
        rowKey="paperId"
        loading={papers.isPending}
        dataSource={papers.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('papers.columns.title'),
            dataIndex: 'title',
            render: (title: string, p) => <Link to={`${base}/${p.paperId}`}>{title}</Link>,
          },
          {
            title: t('papers.columns.kind'),
            dataIndex: 'kind',
            render: (k: PaperKind) => t(`papers.kind.${k}`),
          },
          { title: t('papers.columns.total'), dataIndex: 'totalScore' },
          {
            title: t('papers.columns.updatedAt'),
            dataIndex: 'updatedAt',
            render: (iso: string) => formatInstant(iso, i18n.language),
          },
        ]}
      />
    </>
  );
}
