import type { AntiCheatPolicy } from '../../exam/exam-settings';
import type { FaceCheckResult, ProctoringEventKind } from './proctoring-event';

/** The anti-cheat rules an event can count against. */
export const PROCTORING_RULES = ['tab_switch', 'full_screen', 'copy_paste', 'face_check'] as const;
export type ProctoringRule = (typeof PROCTORING_RULES)[number];

/**
 * What recording an event did: `recorded` (logged, counts against nothing), `counted` (counted against a rule,
 * still within what the rule allows), `warning` (a rule was breached: the candidate is warned), `flagged` (the
 * attempt is marked for staff review), `terminated` (the attempt was closed).
 */
export const POLICY_OUTCOMES = ['recorded', 'counted', 'warning', 'flagged', 'terminated'] as const;
export type PolicyOutcome = (typeof POLICY_OUTCOMES)[number];

/** An event as the policy sees it: its kind, how long (focus loss), and a face check's result. */
export interface ObservedEvent {
  readonly kind: ProctoringEventKind;
  readonly durationSeconds: number | null;
  readonly faceCheck: FaceCheckResult | null;
}

/** What an attempt has counted so far: events per rule, warnings given, and whether it is flagged or closed. */
export interface ProctoringTally {
  readonly counts: Readonly<Record<ProctoringRule, number>>;
  readonly warnings: number;
  readonly flagged: boolean;
  readonly terminated: boolean;
}

export const EMPTY_TALLY: ProctoringTally = {
  counts: { tab_switch: 0, full_screen: 0, copy_paste: 0, face_check: 0 },
  warnings: 0,
  flagged: false,
  terminated: false,
};

/**
 * The rule an event counts against under the exam's policy, or null: a focus loss of at least
 * tabSwitchMinAwaySeconds is a tab switch; leaving full screen counts only when it is required, copy and paste
 * only when blocked; a periodic face check that did not pass counts only when the exam asks for periodic checks.
 * Idle time is recorded for staff, never counted.
 */
export function ruleOf(policy: AntiCheatPolicy, event: ObservedEvent): ProctoringRule | null {
  switch (event.kind) {
    case 'focus_lost':
      return (event.durationSeconds ?? 0) >= policy.tabSwitchMinAwaySeconds ? 'tab_switch' : null;
    case 'fullscreen_exited':
      return policy.fullScreenRequired ? 'full_screen' : null;
    case 'copy_paste':
      return policy.blockCopyPaste ? 'copy_paste' : null;
    case 'idle':
      return null;
    case 'face_check':
      return policy.periodicFaceCheckMinutes > 0 && event.faceCheck !== 'passed' ? 'face_check' : null;
  }
}

/**
 * How many events a rule tolerates before it is breached: tabSwitchLimit tab switches and
 * faceCheckFailureLimit failed face checks (0 = none); leaving full screen or copying is breached at once.
 */
export function allowanceOf(policy: AntiCheatPolicy, rule: ProctoringRule): number {
  switch (rule) {
    case 'tab_switch':
      return policy.tabSwitchLimit;
    case 'face_check':
      return policy.faceCheckFailureLimit;
    case 'full_screen':
    case 'copy_paste':
      return 0;
  }
}

/**
 * Counts one event and decides: within the rule's allowance it is only counted; a breach warns the candidate the
 * first time, and applies the exam's consequence from then on (warn: another warning; flag: the attempt is
 * flagged; terminate: the attempt is closed). Nothing more happens to a terminated attempt. Pure.
 */
export function applyEvent(
  policy: AntiCheatPolicy,
  tally: ProctoringTally,
  event: ObservedEvent,
): {
  readonly rule: ProctoringRule | null;
  readonly outcome: PolicyOutcome;
  readonly tally: ProctoringTally;
} {
  const rule = ruleOf(policy, event);
  if (rule === null || tally.terminated) return { rule, outcome: 'recorded', tally };
  const counts = { ...tally.counts, [rule]: tally.counts[rule] + 1 };
  const counted = { ...tally, counts };
  if (counts[rule] <= allowanceOf(policy, rule)) return { rule, outcome: 'counted', tally: counted };
  if (tally.warnings === 0 || policy.consequence === 'warn')
    return { rule, outcome: 'warning', tally: { ...counted, warnings: tally.warnings + 1 } };
  if (policy.consequence === 'flag')
    return { rule, outcome: 'flagged', tally: { ...counted, flagged: true } };
  return { rule, outcome: 'terminated', tally: { ...counted, terminated: true } };
}

const SEVERITY: Readonly<Record<PolicyOutcome, number>> = {
  recorded: 0,
  counted: 1,
  warning: 2,
  flagged: 3,
  terminated: 4,
};

/** The most severe of several outcomes (`recorded` for none). */
export function strongestOutcome(outcomes: readonly PolicyOutcome[]): PolicyOutcome {
  return outcomes.reduce<PolicyOutcome>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'recorded');
}
