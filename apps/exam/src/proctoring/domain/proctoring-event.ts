import type { ErrorDetail } from '@exam/platform';

/**
 * What the exam room reports: `focus_lost` (the page lost focus; with how long it was away), `fullscreen_exited`,
 * `copy_paste` (a copy, cut or paste attempt), `idle` (no input for a while; with how long) and `face_check`
 * (the result of a periodic face check: the token identity issued, or none when the check failed).
 */
export const PROCTORING_EVENT_KINDS = [
  'focus_lost',
  'fullscreen_exited',
  'copy_paste',
  'idle',
  'face_check',
] as const;
export type ProctoringEventKind = (typeof PROCTORING_EVENT_KINDS)[number];

export const CLIPBOARD_ACTIONS = ['copy', 'cut', 'paste'] as const;
export type ClipboardAction = (typeof CLIPBOARD_ACTIONS)[number];

/**
 * How a periodic face check ended, as the server judged it: `passed` (a genuine token for this exam and user,
 * used for the first time), `missing` (the check failed, so no token), `replayed` (a token already used),
 * `wrong_exam`, `wrong_user`, or `invalid` (forged, expired, unreadable).
 */
export const FACE_CHECK_RESULTS = [
  'passed',
  'missing',
  'replayed',
  'wrong_exam',
  'wrong_user',
  'invalid',
] as const;
export type FaceCheckResult = (typeof FACE_CHECK_RESULTS)[number];

/** One reported event as the client sent it (its clock is informative only). */
export interface ReportedEvent {
  readonly clientEventId: string;
  readonly kind: ProctoringEventKind;
  readonly durationSeconds?: number | undefined;
  readonly clipboardAction?: ClipboardAction | undefined;
  readonly faceCheckToken?: string | undefined;
  readonly occurredAt?: string | undefined;
}

/** The fields each kind needs and may carry, as error details (empty when the event is well formed). */
export function reportedEventProblems(event: ReportedEvent, index: number): ErrorDetail[] {
  const at = (field: string): string => `events[${index}].${field}`;
  const problems: ErrorDetail[] = [];
  const timed = event.kind === 'focus_lost' || event.kind === 'idle';
  if (timed && event.durationSeconds === undefined)
    problems.push({ field: at('durationSeconds'), reason: `required for ${event.kind}` });
  if (!timed && event.durationSeconds !== undefined)
    problems.push({ field: at('durationSeconds'), reason: `only focus_lost and idle carry a duration` });
  if (event.kind === 'copy_paste' && event.clipboardAction === undefined)
    problems.push({ field: at('clipboardAction'), reason: 'required for copy_paste (copy, cut or paste)' });
  if (event.kind !== 'copy_paste' && event.clipboardAction !== undefined)
    problems.push({ field: at('clipboardAction'), reason: 'only copy_paste carries a clipboard action' });
  if (event.kind !== 'face_check' && event.faceCheckToken !== undefined)
    problems.push({ field: at('faceCheckToken'), reason: 'only face_check carries a face-check token' });
  return problems;
}

/** The first of each client event id, in order: a batch that repeats an event records it once. */
export function distinctEvents<T extends { readonly clientEventId: string }>(events: readonly T[]): T[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (seen.has(e.clientEventId)) return false;
    seen.add(e.clientEventId);
    return true;
  });
}
