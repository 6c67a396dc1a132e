import type { AntiCheatPolicy } from '../../exam/exam-settings';
import {
  allowanceOf,
  applyEvent,
  EMPTY_TALLY,
  type ObservedEvent,
  type PolicyOutcome,
  ruleOf,
  strongestOutcome,
} from './proctoring-policy';

const policy = (over: Partial<AntiCheatPolicy> = {}): AntiCheatPolicy => ({
  tabSwitchLimit: 2,
  tabSwitchMinAwaySeconds: 3,
  fullScreenRequired: true,
  blockCopyPaste: true,
  periodicFaceCheckMinutes: 10,
  faceCheckFailureLimit: 1,
  consequence: 'warn',
  ...over,
});

const away = (seconds: number): ObservedEvent => ({
  kind: 'focus_lost',
  durationSeconds: seconds,
  faceCheck: null,
});
const face = (result: ObservedEvent['faceCheck']): ObservedEvent => ({
  kind: 'face_check',
  durationSeconds: null,
  faceCheck: result,
});

function outcomes(p: AntiCheatPolicy, events: readonly ObservedEvent[]): PolicyOutcome[] {
  let tally = EMPTY_TALLY;
  return events.map((e) => {
    const applied = applyEvent(p, tally, e);
    tally = applied.tally;
    return applied.outcome;
  });
}

describe('proctoring policy', () => {
  it('should count a focus loss as a tab switch only from the minimum time away', () => {
    expect(ruleOf(policy(), away(2))).toBeNull();
    expect(ruleOf(policy(), away(3))).toBe('tab_switch');
    expect(ruleOf(policy({ tabSwitchMinAwaySeconds: 0 }), away(0))).toBe('tab_switch');
  });

  it('should count full-screen exits, copy and paste only when the exam forbids them, and never idle time', () => {
    const exit: ObservedEvent = { kind: 'fullscreen_exited', durationSeconds: null, faceCheck: null };
    const copy: ObservedEvent = { kind: 'copy_paste', durationSeconds: null, faceCheck: null };
    const idle: ObservedEvent = { kind: 'idle', durationSeconds: 600, faceCheck: null };

    expect([ruleOf(policy(), exit), ruleOf(policy(), copy), ruleOf(policy(), idle)]).toEqual([
      'full_screen',
      'copy_paste',
      null,
    ]);
    expect(ruleOf(policy({ fullScreenRequired: false }), exit)).toBeNull();
    expect(ruleOf(policy({ blockCopyPaste: false }), copy)).toBeNull();
  });

  it('should count every periodic face check that did not pass, only when the exam asks for them', () => {
    for (const result of ['missing', 'replayed', 'wrong_exam', 'wrong_user', 'invalid'] as const)
      expect(ruleOf(policy(), face(result))).toBe('face_check');
    expect(ruleOf(policy(), face('passed'))).toBeNull();
    expect(ruleOf(policy({ periodicFaceCheckMinutes: 0 }), face('missing'))).toBeNull();
  });

  it('should tolerate each rule up to its allowance', () => {
    expect(allowanceOf(policy(), 'tab_switch')).toBe(2);
    expect(allowanceOf(policy(), 'face_check')).toBe(1);
    expect(allowanceOf(policy(), 'full_screen')).toBe(0);
    expect(allowanceOf(policy(), 'copy_paste')).toBe(0);
  });

  it('should warn at the first breach and keep warning under the warn consequence', () => {
    expect(outcomes(policy(), [away(5), away(5), away(5), away(5), away(1)])).toEqual([
      'counted',
      'counted',
      'warning',
      'warning',
      'recorded',
    ]);
  });

  it('should warn first, then flag under the flag consequence', () => {
    expect(outcomes(policy({ consequence: 'flag' }), [away(5), away(5), away(5), away(5), away(5)])).toEqual([
      'counted',
      'counted',
      'warning',
      'flagged',
      'flagged',
    ]);
  });

  it('should warn first, then terminate, and record nothing more against a terminated attempt', () => {
    const copy: ObservedEvent = { kind: 'copy_paste', durationSeconds: null, faceCheck: null };
    expect(outcomes(policy({ consequence: 'terminate' }), [copy, copy, copy])).toEqual([
      'warning',
      'terminated',
      'recorded',
    ]);
  });

  it('should share the one warning across rules: a breach of another rule after a warning gets the consequence', () => {
    const exit: ObservedEvent = { kind: 'fullscreen_exited', durationSeconds: null, faceCheck: null };
    expect(outcomes(policy({ consequence: 'terminate' }), [exit, face('missing'), face('replayed')])).toEqual(
      ['warning', 'counted', 'terminated'],
    );
  });

  it('should name the most severe outcome of a batch', () => {
    expect(strongestOutcome([])).toBe('recorded');
    expect(strongestOutcome(['counted', 'warning', 'recorded'])).toBe('warning');
    expect(strongestOutcome(['flagged', 'terminated', 'warning'])).toBe('terminated');
  });
});
