import { Button, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatInstant } from '../shared/local-time';
import { useConsole } from '../shared/use-console';
import { useVersions } from './bank-api';
import { candidateViewOf, contentValuesOf } from './question-form';
import type { QuestionVersion } from './question-types';
import { QuestionPreview } from './QuestionPreview';

/**
 * The versions of a question, newest first: when each was made, which one is current and which ones a
 * published exam froze; any of them opens read-only, as the candidate sees it. The exam service records no
 * author per version, so the list shows when, not who.
 */
export function QuestionVersions(props: { bankId: string; questionId: string; current: number }) {
  const { t, i18n } = useTranslation('console');
  const { institutionId } = useConsole();
  const versions = useVersions(institutionId, props.bankId, props.questionId);
  const [shown, setShown] = useState<QuestionVersion | null>(null);
  return (
    <section aria-labelledby="versions-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="versions-title" style={{ fontSize: 18 }}>
        {t('versions.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('versions.intro')}</Typography.Paragraph>
      <ErrorAlert error={versions.error} namespace="console" />
      <Table<QuestionVersion>
        rowKey="version"
        size="small"
        loading={versions.isPending}
        dataSource={versions.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('versions.version'),
            key: 'version',
            render: (_: unknown, v) => t('versions.numbered', { n: v.version }),
          },
          {
            title: t('versions.createdAt'),
            key: 'createdAt',
            render: (_: unknown, v) => formatInstant(v.createdAt, i18n.language),
          },
          {
            title: t('versions.state'),
            key: 'state',
            render: (_: unknown, v) => (
              <>
                {v.version === props.current ? <Tag color="blue">{t('versions.current')}</Tag> : null}
                {v.locked ? <Tag>{t('versions.locked')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('versions.actions'),
            key: 'actions',
            render: (_: unknown, v) => (
              <Button
                size="small"
                onClick={() => {
                  setShown(v);
                }}
              >
                {t('versions.view', { n: v.version })}
              </Button>
            ),
          },
        ]}
      />
      {shown ? (
        <Modal
          open
          title={t('versions.viewTitle', { n: shown.version })}
          footer={null}
          onCancel={() => {
            setShown(null);
          }}
        >
          <Typography.Paragraph type="secondary">
            {t('versions.viewHint', { at: formatInstant(shown.createdAt, i18n.language) })}
          </Typography.Paragraph>
          <QuestionPreview view={candidateViewOf(contentValuesOf(shown.content))} number="1" />
        </Modal>
      ) : null}
    </section>
  );
}
