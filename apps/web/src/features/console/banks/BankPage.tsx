import { Button, Col, Form, Input, Row, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { api } from '../../../api/http';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LinkButton } from '../../../ui/LinkButton';
import { PageTitle } from '../../../ui/PageTitle';
import { saveBlob } from '../../../ui/save-blob';
import { examPath } from '../shared/api-paths';
import { useConsole } from '../shared/use-console';
import { type QuestionFilter, useBank, useQuestions, useTags } from './bank-api';
import { CategoryPanel } from './CategoryPanel';
import { ImportPanel } from './ImportPanel';
import { plainText } from './question-form';
import { type Question, QUESTION_TYPES, type QuestionType } from './question-types';

/** banks/:bankId: the category tree, the questions with search and filters, import and export. */
export function BankPage() {
  const { t } = useTranslation('console');
  const { institutionId } = useConsole();
  const { bankId = '' } = useParams();
  const bank = useBank(institutionId, bankId);
  const [filter, setFilter] = useState<QuestionFilter>({ page: 1, pageSize: 50 });
  const [search, setSearch] = useState('');
  const questions = useQuestions(institutionId, bankId, filter);
  const tags = useTags(institutionId, bankId);
  const [exportError, setExportError] = useState<unknown>(null);
  const base = `/console/${institutionId}/banks/${bankId}`;

  const download = async (format: 'xlsx' | 'json') => {
    setExportError(null);
    try {
      if (format === 'xlsx') {
        saveBlob(
          await api<Blob>(examPath(institutionId, `/banks/${bankId}/export/xlsx`), { as: 'blob' }),
          'questions.xlsx',
        );
      } else {
        const body = await api<unknown>(examPath(institutionId, `/banks/${bankId}/export/json`));
        saveBlob(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), 'questions.json');
      }
    } catch (caught: unknown) {
      setExportError(caught);
    }
  };

  const needle = search.trim().toLowerCase();
  const shown = (questions.data?.items ?? []).filter(
    (q) =>
      needle === '' ||
      plainText(q.content.stem).toLowerCase().includes(needle) ||
      q.tags.some((tag) => tag.toLowerCase().includes(needle)),
  );

  const list = (
    <>
      <Form
        layout="inline"
        name="questionFilter"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v: { type?: QuestionType; difficulty?: number; tag?: string }) => {
          setFilter({ ...filter, ...v, page: 1 });
        }}
      >
        <Form.Item name="type" label={t('bank.filterType')}>
          <Select
            allowClear
            style={{ minWidth: 120 }}
            placeholder={t('bank.any')}
            options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`questionTypes.${type}`) }))}
          />
        </Form.Item>
        <Form.Item name="difficulty" label={t('bank.filterDifficulty')}>
          <Select
            allowClear
            style={{ minWidth: 90 }}
            placeholder={t('bank.any')}
            options={[1, 2, 3, 4, 5].map((d) => ({ value: d, label: String(d) }))}
          />
        </Form.Item>
        <Form.Item name="tag" label={t('bank.filterTag')}>
          <Select
            allowClear
            showSearch
            style={{ minWidth: 140 }}
            placeholder={t('bank.any')}
            notFoundContent={t('bank.noTags')}
            options={(tags.data ?? []).map((tag) => ({ value: tag.name, label: tag.name }))}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('bank.applyFilter')}</Button>
        </Form.Item>
      </Form>
      <div style={{ marginBottom: 12, maxWidth: 360 }}>
        <Input.Search
          aria-label={t('bank.search')}
          placeholder={t('bank.searchHint')}
          allowClear
          onSearch={setSearch}
          onChange={(e) => {
            if (e.target.value === '') setSearch('');
          }}
        />
      </div>
      <Table<Question>
        rowKey="questionId"
        loading={questions.isFetching}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: questions.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (page, pageSize) => {
            setFilter({ ...filter, page, pageSize });
          },
        }}
        columns={[
          {
            title: t('bank.columns.stem'),
            key: 'stem',
            render: (_: unknown, q) => (
              <Link to={`${base}/questions/${q.questionId}`}>
                {truncate(plainText(q.content.stem), 60) || t('bank.noStem')}
              </Link>
            ),
          },
          {
            title: t('bank.columns.type'),
            dataIndex: 'type',
            render: (type: QuestionType) => t(`questionTypes.${type}`),
          },
          { title: t('bank.columns.score'), dataIndex: 'score' },
          { title: t('bank.columns.difficulty'), dataIndex: 'difficulty' },
          {
            title: t('bank.columns.tags'),
            dataIndex: 'tags',
            render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
          },
          { title: t('bank.columns.version'), dataIndex: 'version' },
        ]}
      />
    </>
  );

  return (
    <>
      <PageTitle>{bank.data ? t('bank.titleOf', { name: bank.data.name }) : t('bank.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <LinkButton type="primary" to={`${base}/questions/new`}>
          {t('bank.newQuestion')}
        </LinkButton>
        <Button onClick={() => void download('xlsx')}>{t('bank.exportXlsx')}</Button>
        <Button onClick={() => void download('json')}>{t('bank.exportJson')}</Button>
      </Space>
      <ErrorAlert error={bank.error ?? questions.error ?? tags.error ?? exportError} namespace="console" />
      <Tabs
        items={[
          {
            key: 'questions',
            label: t('bank.tabQuestions', { total: questions.data?.total ?? 0 }),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} md={7}>
                  <CategoryPanel
                    bankId={bankId}
                    selected={filter.categoryId}
                    onSelect={(categoryId) => {
                      setFilter({ ...filter, categoryId, page: 1 });
                    }}
                  />
                </Col>
                <Col xs={24} md={17}>
                  {list}
                </Col>
              </Row>
            ),
          },
          { key: 'import', label: t('bank.tabImport'), children: <ImportPanel bankId={bankId} /> },
        ]}
      />
    </>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
