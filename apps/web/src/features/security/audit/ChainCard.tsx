import { useMutation } from '@tanstack/react-query';
import { Alert as Notice, Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../../../ui/ErrorAlert';
import { securityApi } from '../api/security-api';
import type { Checkpoint, StreamVerification } from '../api/types';
import { ScrollRegion } from '../shared/ScrollRegion';
import { useFormatters } from '../shared/use-formatters';

/** Verify the hash chain end to end, and sign checkpoints of every stream's head now. */
export function ChainCard() {
  const { t } = useTranslation('security');
  const { dateTime } = useFormatters();
  const verify = useMutation({ mutationFn: securityApi.verifyChain });
  const sign = useMutation({ mutationFn: securityApi.signCheckpoints });
  const result = verify.data;
  return (
    <Card title={<h2 className="security-h2">{t('chain.title')}</h2>}>
      <Typography.Paragraph type="secondary">{t('chain.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          loading={verify.isPending}
          onClick={() => {
            verify.mutate();
          }}
        >
          {t('chain.verify')}
        </Button>
        <Button
          loading={sign.isPending}
          onClick={() => {
            sign.mutate();
          }}
        >
          {t('chain.sign')}
        </Button>
      </Space>
      <ErrorAlert error={verify.error ?? sign.error} namespace="security" />
      <div aria-live="polite">
        {result ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Notice
              type={result.ok ? 'success' : 'error'}
              showIcon
              title={result.ok ? t('chain.ok') : t('chain.broken')}
              description={
                <>
                  {t('chain.summary', {
                    entries: result.entries,
                    streams: result.streams.length,
                    ms: result.durationMs,
                    at: dateTime(result.verifiedAt),
                  })}
                  {result.firstBreak ? (
                    <div>
                      {t('chain.firstBreak', {
                        stream: result.firstBreak.stream,
                        seq: result.firstBreak.seq,
                      })}{' '}
                      <span lang="en">{result.firstBreak.reason}</span>
                    </div>
                  ) : null}
                  {result.keyProblem ? (
                    <div>
                      {t('chain.keyProblem')} <span lang="en">{result.keyProblem}</span>
                    </div>
                  ) : null}
                </>
              }
            />
            <ScrollRegion label={t('chain.streamsRegion')}>
              <Table<StreamVerification>
                rowKey="stream"
                size="small"
                pagination={false}
                dataSource={result.streams}
                columns={[
                  { title: t('chain.stream'), dataIndex: 'stream' },
                  { title: t('chain.entries'), dataIndex: 'entries' },
                  { title: t('chain.head'), dataIndex: 'headSeq' },
                  {
                    title: t('chain.lastCheckpoint'),
                    key: 'cp',
                    render: (_, s) =>
                      s.lastCheckpointSeq === null ? t('none') : `#${String(s.lastCheckpointSeq)}`,
                  },
                  { title: t('chain.checkpointsChecked'), dataIndex: 'checkpointsChecked' },
                  {
                    title: t('chain.state'),
                    key: 'state',
                    render: (_, s) =>
                      s.firstBreak
                        ? t('chain.streamBroken', { seq: s.firstBreak.seq })
                        : s.entriesBeyondHead > 0
                          ? t('chain.beyondHead', { count: s.entriesBeyondHead })
                          : t('chain.streamOk'),
                  },
                ]}
              />
            </ScrollRegion>
          </Space>
        ) : null}
        {sign.data ? (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
            <Notice type="success" showIcon title={t('chain.signed', { count: sign.data.length })} />
            <ScrollRegion label={t('chain.signedRegion')}>
              <Table<Checkpoint>
                rowKey="stream"
                size="small"
                pagination={false}
                dataSource={sign.data}
                columns={[
                  { title: t('chain.stream'), dataIndex: 'stream' },
                  { title: t('chain.seq'), dataIndex: 'seq' },
                  { title: t('chain.signedAt'), key: 'at', render: (_, c) => dateTime(c.signedAt) },
                  { title: t('chain.keyId'), key: 'key', render: (_, c) => <code>{c.keyId}</code> },
                ]}
              />
            </ScrollRegion>
          </Space>
        ) : null}
      </div>
    </Card>
  );
}
