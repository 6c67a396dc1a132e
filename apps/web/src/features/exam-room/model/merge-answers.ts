import type { PendingSave } from './queue-store';
import type { Answer, SavedAnswer } from './types';

export interface MergedAnswers {
  /** What each question shows: the server's answer, or a newer local change. */
  readonly answers: ReadonlyMap<string, Answer>;
  /** Local changes still to send (newer than what the server holds). */
  readonly unsent: readonly PendingSave[];
  /** Local changes the server already holds, or holds something newer than (another device's). */
  readonly stale: readonly PendingSave[];
  /** The highest sequence number seen, so the next change goes above it. */
  readonly highestSeq: number;
}

/**
 * Reload or another device: the server's saved answers, overlaid with the local queue's unsent changes where the
 * local change has the higher sequence number (a change made offline after the last save that arrived).
 */
export function mergeAnswers(server: readonly SavedAnswer[], local: readonly PendingSave[]): MergedAnswers {
  const answers = new Map<string, Answer>();
  const held = new Map<string, number>();
  let highestSeq = 0;
  for (const saved of server) {
    answers.set(saved.questionId, saved.answer);
    held.set(saved.questionId, saved.seq);
    highestSeq = Math.max(highestSeq, saved.seq);
  }
  const unsent: PendingSave[] = [];
  const stale: PendingSave[] = [];
  for (const save of [...local].sort((a, b) => a.seq - b.seq)) {
    highestSeq = Math.max(highestSeq, save.seq);
    if (save.seq > (held.get(save.questionId) ?? 0)) {
      answers.set(save.questionId, save.answer);
      unsent.push(save);
    } else stale.push(save);
  }
  return { answers, unsent, stale, highestSeq };
}
