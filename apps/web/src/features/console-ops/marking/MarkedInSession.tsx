import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { EmptyText } from '../shared/EmptyText';
import { ScrollTable } from '../shared/ScrollTable';
import { scriptLabel } from './mark-rules';
import { RemarkDialog } from './RemarkDialog';
import type { SessionMark } from './use-session-marks';

interface Props {
  institutionId: string;
  examId: string;
  marks: SessionMark[];
  /** Only an org_admin may change a final mark. */
  canRemark: boolean;
  onRemarked: (mark: SessionMark) => void;
}

/** The answers marked on this visit (anonymous), where each stands, and for an org_admin a change of the final mark. */
export function MarkedInSession({ institutionId, examId, marks, canRemark, onRemarked }: Props) {
  const { t } = useTranslation('consoleOps');
  const [open, setOpen] = useState<SessionMark | null>(null);
  const [done, setDone] = useState<{
    script: string;
    from: number | null;
    to: number;
    reason: string;
  } | null>(null);
  return (
    <section aria-labelledby="marked-in-session">
      <Card>
        <Typography.Title level={2} id="marked-in-session" className="ops-heading">
          {t('session.title')}
        </Typography.Title>
        <Typography.Paragraph>
          {canRemark ? t('session.introAdmin') : t('session.intro')}
        </Typography.Paragraph>
        {done ? (
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginBottom: 12 }}
            title={t('remark.done', { script: done.script, from: done.from ?? '—', to: done.to })}
            description={t('action.doneReason', { reason: done.reason })}
          />
        ) : null}
        <ScrollTable labelledBy="marked-in-session">
          <Table<SessionMark>
            size="small"
            rowKey="scriptId"
            dataSource={marks}
            pagination={false}
            locale={{ emptyText: <EmptyText>{t('session.none')}</EmptyText> }}
            columns={[
              {
                title: t('session.script'),
                key: 'script',
                render: (_: unknown, m) => scriptLabel(m.scriptId),
              },
              { title: t('session.yourMark'), dataIndex: 'mark' },
              {
                title: t('session.status'),
                key: 'status',
                render: (_: unknown, m) =>
                  m.finalMark === null
                    ? t(`session.statuses.${m.status}`, { defaultValue: m.status })
                    : t('session.final', { final: m.finalMark }),
              },
              ...(canRemark
                ? [
                    {
                      title: t('board.actions'),
                      key: 'actions',
                      render: (_: unknown, m: SessionMark) =>
                        m.finalMark === null ? (
                          '—'
                        ) : (
                          <Button
                            size="small"
                            aria-label={t('remark.for', { script: scriptLabel(m.scriptId) })}
                            onClick={() => {
                              setOpen(m);
                            }}
                          >
                            {t('remark.button')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </ScrollTable>
      </Card>
      {open ? (
        <RemarkDialog
          institutionId={institutionId}
          examId={examId}
          marked={open}
          onClose={() => {
            setOpen(null);
          }}
          onDone={(result, reason) => {
            setDone({
              script: scriptLabel(open.scriptId),
              from: open.finalMark,
              to: result.finalMark ?? 0,
              reason,
            });
            onRemarked({ ...open, status: result.status, finalMark: result.finalMark });
            setOpen(null);
          }}
        />
      ) : null}
    </section>
  );
}
