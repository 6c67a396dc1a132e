import { useCallback, useEffect, useRef, useState } from 'react';

import { newIdempotencyKey } from '../../api/http';
import { classifyReportFailure } from './model/failures';
import { AwayTracker, IdleTracker, ProctoringBatcher } from './model/proctoring-batcher';
import { browserScheduler } from './model/scheduler';
import type { ServerClock } from './model/server-clock';
import type { AntiCheatPolicy, ClipboardAction, ProctoringReport } from './model/types';
import type { RoomApi } from './room-api';

interface Options {
  api: RoomApi;
  clock: ServerClock;
  attemptId: string;
  /** The exam's policy, when the exam service tells it (full screen, copy/paste, periodic face checks). */
  policy: AntiCheatPolicy | undefined;
  /** False once time is up or the attempt ended: nothing more is watched. */
  active: boolean;
  onReport: (report: ProctoringReport) => void;
  onStopped: (error: unknown) => void;
}

/**
 * What the room reports while the attempt runs: time away from the page (tab switch, window focus), leaving
 * full screen, copy/cut/paste, long idle pauses and periodic face checks, in batches; the server's judgement
 * of each report goes to `onReport`.
 */
export function useProctoring({ api, clock, attemptId, policy, active, onReport, onStopped }: Options) {
  const [faceCheckDue, setFaceCheckDue] = useState(false);
  const [fullScreenLost, setFullScreenLost] = useState(false);
  const batcherRef = useRef<ProctoringBatcher | null>(null);
  const callbacks = useRef({ onReport, onStopped });
  useEffect(() => {
    callbacks.current = { onReport, onStopped };
  });
  const fullScreenRequired = policy?.fullScreenRequired ?? false;
  const blockCopyPaste = policy?.blockCopyPaste ?? false;
  const faceEveryMinutes = policy?.periodicFaceCheckMinutes ?? 0;

  useEffect(() => {
    if (!active) return;
    const batcher = new ProctoringBatcher({
      send: (events) => api.report(attemptId, events),
      classify: classifyReportFailure,
      newId: newIdempotencyKey,
      scheduler: browserScheduler,
      serverNow: () => clock.now(),
      onReport: (report) => {
        callbacks.current.onReport(report);
      },
      onStopped: (error) => {
        callbacks.current.onStopped(error);
      },
    });
    batcherRef.current = batcher;
    const away = new AwayTracker();
    const idle = new IdleTracker(Date.now());

    const leave = () => {
      away.leave(Date.now());
    };
    const back = () => {
      const seconds = away.back(Date.now());
      if (seconds !== null) batcher.record({ kind: 'focus_lost', durationSeconds: seconds }, true);
    };
    const visibility = () => {
      if (document.visibilityState === 'hidden') leave();
      else back();
    };
    const clipboard = (event: ClipboardEvent) => {
      if (blockCopyPaste) event.preventDefault();
      batcher.record({ kind: 'copy_paste', clipboardAction: event.type as ClipboardAction });
    };
    const fullscreen = () => {
      if (!fullScreenRequired) return;
      const lost = document.fullscreenElement === null;
      setFullScreenLost(lost);
      if (lost) batcher.record({ kind: 'fullscreen_exited' }, true);
    };
    const activity = () => {
      const seconds = idle.activity(Date.now());
      if (seconds !== null) batcher.record({ kind: 'idle', durationSeconds: seconds });
    };
    const online = () => {
      batcher.flush();
    };

    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('blur', leave);
    window.addEventListener('focus', back);
    document.addEventListener('copy', clipboard);
    document.addEventListener('cut', clipboard);
    document.addEventListener('paste', clipboard);
    document.addEventListener('fullscreenchange', fullscreen);
    document.addEventListener('keydown', activity);
    document.addEventListener('pointerdown', activity);
    window.addEventListener('online', online);
    if (fullScreenRequired && document.fullscreenElement === null) setFullScreenLost(true);
    const faceTimer =
      faceEveryMinutes > 0
        ? setInterval(() => {
            setFaceCheckDue(true);
          }, faceEveryMinutes * 60_000)
        : null;
    return () => {
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('blur', leave);
      window.removeEventListener('focus', back);
      document.removeEventListener('copy', clipboard);
      document.removeEventListener('cut', clipboard);
      document.removeEventListener('paste', clipboard);
      document.removeEventListener('fullscreenchange', fullscreen);
      document.removeEventListener('keydown', activity);
      document.removeEventListener('pointerdown', activity);
      window.removeEventListener('online', online);
      if (faceTimer !== null) clearInterval(faceTimer);
      batcher.flush();
      batcherRef.current = null;
    };
  }, [api, clock, attemptId, active, fullScreenRequired, blockCopyPaste, faceEveryMinutes]);

  /** A periodic face check ended: with the token identity issued, or null when the candidate could not pass. */
  const completeFaceCheck = useCallback((token: string | null) => {
    setFaceCheckDue(false);
    batcherRef.current?.record({ kind: 'face_check', ...(token ? { faceCheckToken: token } : {}) }, true);
  }, []);

  return { faceCheckDue, completeFaceCheck, fullScreenLost };
}
