import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatNumber } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { flaggedIndices, highlightOf } from './item-flags';
import type { QuestionStatistics } from './results-api';

/** Item analysis per question, badly behaving questions highlighted (row colour and a flag in words). */
export function QuestionStatsTable({ questions }: { questions: QuestionStatistics[] }) {
  const { t, i18n } = useTranslation('consoleOps');
  const lang = i18n.language;
  const index = (field: 'difficulty' | 'discrimination' | 'pointBiserial') => ({
    title: t(`stats.${field}`),
    key: field,
    render: (_: unknown, q: QuestionStatistics) => {
      const text = formatNumber(q[field], lang, 3);
      return flaggedIndices(q).has(field) ? <Typography.Text strong>{`${text} ⚠`}</Typography.Text> : text;
    },
  });
  return (
    <ScrollTable labelledBy="results-questions">
      <Table<QuestionStatistics>
        rowKey="questionId"
        size="small"
        dataSource={questions}
        pagination={false}
        rowClassName={(q) => {
          const level = highlightOf(q);
          return level === 'alarming' ? 'ops-row-alarming' : level === 'warning' ? 'ops-row-flagged' : '';
        }}
        columns={[
          { title: t('stats.number'), dataIndex: 'number' },
          { title: t('stats.question'), dataIndex: 'label' },
          {
            title: t('stats.type'),
            dataIndex: 'type',
            render: (type: string) => t(`questionTypes.${type}`, { defaultValue: type }),
          },
          { title: t('stats.worth'), dataIndex: 'worth' },
          { title: t('stats.takers'), dataIndex: 'takers' },
          index('difficulty'),
          index('discrimination'),
          index('pointBiserial'),
          {
            title: t('stats.flags'),
            key: 'flags',
            render: (_: unknown, q) =>
              q.flags.length === 0
                ? t('stats.noFlags')
                : q.flags.map((flag) => (
                    <Tag
                      key={flag}
                      color={highlightOf({ flags: [flag] }) === 'alarming' ? '#cf1322' : '#ad4e00'}
                    >
                      {t(`flags.${flag}`, { defaultValue: flag })}
                    </Tag>
                  )),
          },
        ]}
      />
    </ScrollTable>
  );
}
