import './exam-room.css';

import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';

import { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ElsewherePage } from './ElsewherePage';
import { FinishedPage } from './FinishedPage';
import type { Attempt, Paper } from './model/types';
import { PreStartPage } from './PreStartPage';
import { Room } from './Room';
import type { RoomApi } from './room-api';
import { useDeviceApi } from './use-device-api';

type Phase =
  | { kind: 'loading' }
  | { kind: 'before' }
  | { kind: 'elsewhere'; attemptId: string; takenOver: boolean }
  | { kind: 'room'; attempt: Attempt; paper: Paper }
  | { kind: 'finished'; attempt: Attempt | null; timeUp: boolean }
  | { kind: 'terminated' }
  | { kind: 'failed'; error: unknown };

const LIVE = new Set(['created', 'in_progress', 'overdue']);

/** The attempt id a refusal names (HELD_BY_OTHER_DEVICE / TAKEN_OVER carry it in details). */
function attemptIdIn(error: ApiError): string | null {
  if (!Array.isArray(error.details)) return null;
  for (const entry of error.details as unknown[]) {
    const { field, reason } = (entry ?? {}) as { field?: unknown; reason?: unknown };
    if (field === 'attemptId' && typeof reason === 'string') return reason;
  }
  return null;
}

/**
 * /exam-room/:examId — the full-window exam room: the rules and the start, then the paper with autosave, the
 * countdown and proctoring, then the final page. The attempt's id rides in the URL (`?attempt=`), so a reload
 * resumes it; nothing else about the candidate is in the URL.
 */
export function ExamRoomPage() {
  const { examId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const attemptParam = search.get('attempt');
  const device = useDeviceApi();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const { t } = useTranslation('examRoom');

  const notice = useQuery({
    queryKey: ['exam-room', 'notice', examId],
    queryFn: () => (device ? device.api.notice(examId) : Promise.reject(new Error('not ready'))),
    enabled: device !== null && examId !== '',
    staleTime: 60_000,
  });

  const enter = useCallback(
    async (api: RoomApi, attempt: Attempt) => {
      if (!LIVE.has(attempt.status)) {
        setPhase(
          attempt.status === 'terminated'
            ? { kind: 'terminated' }
            : { kind: 'finished', attempt, timeUp: false },
        );
        return;
      }
      setSearch({ attempt: attempt.attemptId }, { replace: true });
      const paper = await api.paper(attempt.attemptId);
      setPhase({ kind: 'room', attempt, paper });
    },
    [setSearch],
  );

  const refused = useCallback((error: unknown, fallbackAttemptId: string | null): Phase | null => {
    if (!(error instanceof ApiError)) return null;
    if (error.code === 'ATTEMPT.HELD_BY_OTHER_DEVICE' || error.code === 'ATTEMPT.TAKEN_OVER') {
      const attemptId = attemptIdIn(error) ?? fallbackAttemptId;
      if (attemptId) return { kind: 'elsewhere', attemptId, takenOver: error.code === 'ATTEMPT.TAKEN_OVER' };
    }
    return null;
  }, []);

  // First load: an attempt in the URL is resumed (reload), else the rules and the start button.
  useEffect(() => {
    if (!device || phase.kind !== 'loading') return;
    if (!attemptParam) {
      setPhase({ kind: 'before' });
      return;
    }
    device.api.attempt(attemptParam).then(
      (attempt) => enter(device.api, attempt),
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'ATTEMPT.NOT_FOUND') {
          setSearch({}, { replace: true });
          setPhase({ kind: 'before' });
          return;
        }
        setPhase(refused(error, attemptParam) ?? { kind: 'failed', error });
      },
    );
  }, [device, phase.kind, attemptParam, enter, refused, setSearch]);

  const start = useCallback(
    async (body: { accessPassword?: string; faceCheckToken?: string }) => {
      if (!device) return;
      try {
        await enter(device.api, await device.api.start(examId, body));
      } catch (error: unknown) {
        const next = refused(error, null);
        if (next) setPhase(next);
        else throw error;
      }
    },
    [device, examId, enter, refused],
  );

  const takeOver = useCallback(
    async (attemptId: string) => {
      if (!device) return;
      await enter(device.api, await device.api.takeOver(attemptId));
    },
    [device, enter],
  );

  if (!device || phase.kind === 'loading' || notice.isPending)
    return (
      <main className="room-center" aria-busy="true">
        <Spin />
        <span className="visually-hidden">{t('loading')}</span>
      </main>
    );
  if (notice.isError)
    return (
      <main className="room-center">
        <ErrorAlert error={notice.error} namespace="examRoom" onRetry={() => void notice.refetch()} />
      </main>
    );
  const exam = notice.data;

  switch (phase.kind) {
    case 'before':
      return <PreStartPage notice={exam} onStart={start} />;
    case 'elsewhere':
      return (
        <ElsewherePage
          title={exam.title}
          takenOver={phase.takenOver}
          onTakeOver={() => takeOver(phase.attemptId)}
        />
      );
    case 'room':
      return (
        <Room
          api={device.api}
          clock={device.clock}
          notice={exam}
          attempt={phase.attempt}
          paper={phase.paper}
          onFinished={(attempt, timeUp) => {
            setPhase({ kind: 'finished', attempt, timeUp });
          }}
          onTerminated={() => {
            setPhase({ kind: 'terminated' });
          }}
          onTakenOver={() => {
            setPhase({ kind: 'elsewhere', attemptId: phase.attempt.attemptId, takenOver: true });
          }}
        />
      );
    case 'finished':
      return <FinishedPage api={device.api} notice={exam} attempt={phase.attempt} timeUp={phase.timeUp} />;
    case 'terminated':
      return <FinishedPage api={device.api} notice={exam} attempt={null} timeUp={false} terminated />;
    case 'failed':
      return (
        <main className="room-center">
          <ErrorAlert
            error={phase.error}
            namespace="examRoom"
            onRetry={() => {
              setPhase({ kind: 'loading' });
            }}
          />
        </main>
      );
  }
}
