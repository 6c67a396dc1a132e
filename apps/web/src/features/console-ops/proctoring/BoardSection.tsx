import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { EmptyText } from '../shared/EmptyText';
import { formatTime } from '../shared/format';
import { ScrollTable } from '../shared/ScrollTable';
import { actionsFor, type BoardGroup, candidateLabel } from './board-groups';
import type { BoardCandidate, StaffAction } from './proctoring-api';
import { formatRemaining, remainingNow, secondsSince } from './remaining-time';

interface Props {
  group: BoardGroup;
  candidates: BoardCandidate[];
  serverTime: string;
  /** The browser's clock, ticking every second, to count the time left down between refreshes. */
  now: number;
  onTimeline: (candidate: BoardCandidate) => void;
  onAction: (candidate: BoardCandidate, action: StaffAction) => void;
}

/** One section of the live board (e.g. "in progress"): a table of its candidates and what staff can do. */
export function BoardSection({ group, candidates, serverTime, now, onTimeline, onAction }: Props) {
  const { t, i18n } = useTranslation('consoleOps');
  const headingId = `board-${group}`;
  const live = group === 'in_progress' || group === 'flagged';
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <Typography.Title level={2} id={headingId} className="ops-heading">
          {t(`board.groups.${group}`, { count: candidates.length })}
        </Typography.Title>
        <ScrollTable labelledBy={headingId}>
          <Table<BoardCandidate>
            size="small"
            rowKey="userId"
            dataSource={candidates}
            pagination={candidates.length > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <EmptyText>{t('board.emptyGroup')}</EmptyText> }}
            columns={[
              {
                title: t('board.candidate'),
                key: 'who',
                render: (_: unknown, c) => candidateLabel(c),
              },
              {
                title: t('board.state'),
                key: 'state',
                render: (_: unknown, c) => (
                  <Space size={4} wrap>
                    <Tag>{t(`state.${c.state}`)}</Tag>
                    {c.flagged ? <Tag color="#ad4e00">{t('board.flagged')}</Tag> : null}
                  </Space>
                ),
              },
              ...(group === 'not_started'
                ? []
                : [
                    {
                      title: t('board.lastSaved'),
                      key: 'saved',
                      render: (_: unknown, c: BoardCandidate) => {
                        const ago = secondsSince(c.attempt?.lastSavedAt ?? null, serverTime);
                        return ago === null
                          ? t('board.neverSaved')
                          : t('board.savedAt', {
                              time: formatTime(c.attempt?.lastSavedAt ?? null, i18n.language),
                              seconds: ago,
                            });
                      },
                    },
                    {
                      title: t('board.remaining'),
                      key: 'remaining',
                      render: (_: unknown, c: BoardCandidate) => {
                        if (!c.attempt || !live) return '—';
                        const paused = c.state === 'paused';
                        const left = remainingNow(c.attempt.remainingSeconds, serverTime, now, paused);
                        return paused
                          ? t('board.pausedAt', { left: formatRemaining(left) })
                          : formatRemaining(left);
                      },
                    },
                    {
                      title: t('board.answered'),
                      key: 'answered',
                      render: (_: unknown, c: BoardCandidate) => c.attempt?.answered ?? 0,
                    },
                    {
                      title: t('board.events'),
                      key: 'events',
                      render: (_: unknown, c: BoardCandidate) =>
                        t('board.eventCounts', { total: c.events.total, warnings: c.events.warnings }),
                    },
                    {
                      title: t('board.actions'),
                      key: 'actions',
                      render: (_: unknown, c: BoardCandidate) => {
                        const who = candidateLabel(c);
                        return (
                          <Space size={4} wrap>
                            <Button
                              size="small"
                              aria-label={t('board.timelineFor', { who })}
                              onClick={() => {
                                onTimeline(c);
                              }}
                            >
                              {t('board.timeline')}
                            </Button>
                            {actionsFor(c).map((action) => (
                              <Button
                                key={action}
                                size="small"
                                danger={action === 'terminate'}
                                aria-label={t(`action.${action}.for`, { who })}
                                onClick={() => {
                                  onAction(c, action);
                                }}
                              >
                                {t(`action.${action}.button`)}
                              </Button>
                            ))}
                          </Space>
                        );
                      },
                    },
                  ]),
            ]}
          />
        </ScrollTable>
      </Card>
    </section>
  );
}
