import type { MarkResult } from './marking-api';
import type { ScoreChange } from './regrade-api';

/** Which message tells a marker what their mark did: final, waiting for a second marker, or sent to reconciliation. */
export type MarkMessage = 'markedFinal' | 'markedPending' | 'markedReconciliation';

/** The message for a mark just given (the answer's status after it). Pure. */
export function markMessage(result: Pick<MarkResult, 'status' | 'finalMark'>): MarkMessage {
  if (result.finalMark !== null) return 'markedFinal';
  return result.status === 'reconciliation' ? 'markedReconciliation' : 'markedPending';
}

/** How a final mark came about, as the server notes it for a mark (`<resolution>: marks 8, 3, 6`). */
export type Resolution = 'single' | 'combined' | 'reconciled';

const MARKS_NOTE = /^(single|combined|reconciled): marks ((?:\d+(?:\.\d+)?)(?:, \d+(?:\.\d+)?)*)$/;

/**
 * A score change's note in words: the marks behind a marked or reconciled score (the server writes them in a
 * fixed form), else the staff member's own words (a remark's or a key change's reason). Pure.
 */
export function noteOf(
  change: Pick<ScoreChange, 'reason' | 'note'>,
): { resolution: Resolution; marks: number[] } | { text: string } {
  const parsed =
    change.reason === 'marked' || change.reason === 'reconciled' ? MARKS_NOTE.exec(change.note) : null;
  if (parsed === null) return { text: change.note };
  return {
    resolution: parsed[1] as Resolution,
    marks: parsed[2].split(', ').map(Number),
  };
}

/** Who made a change: a member by nickname, the system (no actor), or someone no longer a member. Pure. */
export function actorOf(
  actorId: string | null,
  members: readonly { userId: string; nickname: string }[],
): { kind: 'system' } | { kind: 'member'; name: string } | { kind: 'former' } {
  if (actorId === null) return { kind: 'system' };
  const member = members.find((m) => m.userId === actorId);
  return member ? { kind: 'member', name: member.nickname } : { kind: 'former' };
}
