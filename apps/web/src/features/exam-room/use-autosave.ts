import { useCallback, useEffect, useRef, useState } from 'react';

import { newIdempotencyKey } from '../../api/http';
import { classifySaveFailure } from './model/failures';
import { SaveQueue, type SaveQueueState } from './model/save-queue';
import { browserScheduler } from './model/scheduler';
import type { ServerClock } from './model/server-clock';
import type { Answer, Attempt, AttemptClock } from './model/types';
import type { RoomApi } from './room-api';
import { IdbQueueStore } from './room-storage';

/** How long typing pauses before a text answer is sent. */
const TEXT_DEBOUNCE_MS = 800;

interface Handlers {
  /** Each save's answer carries the clock (the deadline may have moved: staff added time). */
  onClock: (clock: AttemptClock) => void;
  /** The device may save nothing more (taken over, closed, terminated). */
  onStopped: (error: unknown) => void;
}

/**
 * The answers on screen and their autosave: restored from the server merged with this browser's unsent changes,
 * every change queued (IndexedDB) and sent in order, retried when the connection returns.
 */
export function useAutosave(api: RoomApi, clock: ServerClock, attempt: Attempt, handlers: Handlers) {
  const [answers, setAnswers] = useState<ReadonlyMap<string, Answer>>(
    () => new Map(attempt.answers.map((a) => [a.questionId, a.answer])),
  );
  const [state, setState] = useState<SaveQueueState>({ status: 'saved', pending: 0 });
  const queueRef = useRef<SaveQueue | null>(null);
  const handlersRef = useRef(handlers);
  const initialRef = useRef(attempt.answers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  const { attemptId } = attempt;
  useEffect(() => {
    const queue: SaveQueue = new SaveQueue({
      store: new IdbQueueStore(attemptId),
      send: (save) => api.save(attemptId, save),
      classify: classifySaveFailure,
      newKey: newIdempotencyKey,
      scheduler: browserScheduler,
      serverNow: () => clock.now(),
      onSaved: (save, response) => {
        handlersRef.current.onClock(response.clock);
        // The server holds a newer answer (another device's): show it, unless a newer local edit is on its way.
        if (!response.applied && !queue.hasPending(save.questionId))
          setAnswers((current) => new Map(current).set(save.questionId, response.held.answer));
      },
      onStopped: (error) => {
        handlersRef.current.onStopped(error);
      },
    });
    queueRef.current = queue;
    const unsubscribe = queue.subscribe(setState);
    let live = true;
    void queue.restore(initialRef.current).then((merged) => {
      if (live) setAnswers(new Map(merged));
    });
    const online = () => {
      queue.retryNow();
    };
    window.addEventListener('online', online);
    return () => {
      live = false;
      unsubscribe();
      queue.stop();
      window.removeEventListener('online', online);
    };
  }, [api, clock, attemptId]);

  const setAnswer = useCallback((questionId: string, answer: Answer, typing: boolean) => {
    setAnswers((current) => new Map(current).set(questionId, answer));
    queueRef.current?.edit(questionId, answer, typing ? TEXT_DEBOUNCE_MS : 0);
  }, []);

  /** Sends everything now; resolves when confirmed or after `timeoutMs` (offline). */
  const flush = useCallback(async (timeoutMs: number) => {
    const queue = queueRef.current;
    if (!queue) return;
    await Promise.race([queue.flush(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }, []);

  const clear = useCallback(async () => {
    await queueRef.current?.clear();
  }, []);

  return { answers, state, setAnswer, flush, clear };
}
