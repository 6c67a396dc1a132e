import { randomUUID } from 'node:crypto';

import { DEFAULT_MARKING, type MarkingSettings } from '../../exam/exam-settings';
import { attemptTotal } from './attempt-total';
import { inMarkerOrder, markErrors, outcomeOf } from './mark-rules';

const double = (over: Partial<MarkingSettings> = {}): MarkingSettings => ({
  doubleMarking: true,
  toleranceFraction: 0.2,
  reconciliation: 'third_marker',
  step: 0.5,
  ...over,
});

describe('markErrors', () => {
  it('should accept marks from 0 to the maximum in steps, and the maximum itself', () => {
    for (const mark of [0, 0.5, 4.5, 5]) expect(markErrors(mark, 5, 0.5)).toEqual([]);
    expect(markErrors(5, 5, 2)).toEqual([]);
  });

  it('should refuse marks outside the bounds, off the step or with more than two decimals', () => {
    expect(markErrors(-0.5, 5, 0.5)[0]?.reason).toContain('from 0 to 5');
    expect(markErrors(5.5, 5, 0.5)[0]?.reason).toContain('from 0 to 5');
    expect(markErrors(Number.NaN, 5, 0.5)).toHaveLength(1);
    expect(markErrors(1.25, 5, 0.5)[0]?.reason).toContain('multiple of 0.5');
    expect(markErrors(1.255, 5, 0.01)[0]?.reason).toContain('two decimals');
  });
});

describe('outcomeOf', () => {
  it('should finish on the first mark under single marking', () => {
    expect(outcomeOf(DEFAULT_MARKING, 10, [])).toEqual({
      status: 'marking',
      finalMark: null,
      resolution: null,
    });
    expect(outcomeOf(DEFAULT_MARKING, 10, [7])).toEqual({
      status: 'done',
      finalMark: 7,
      resolution: 'single',
    });
  });

  it('should wait for a second marker and combine marks within the tolerance by the rule', () => {
    expect(outcomeOf(double(), 10, [7]).status).toBe('marking');
    expect(outcomeOf(double(), 10, [7, 9])).toEqual({ status: 'done', finalMark: 8, resolution: 'combined' });
    expect(outcomeOf(double({ reconciliation: 'higher' }), 10, [7, 9]).finalMark).toBe(9);
    expect(outcomeOf(double({ reconciliation: 'average' }), 10, [7, 8.5]).finalMark).toBe(7.75);
  });

  it('should send marks beyond the tolerance to a third marker, whose mark is final', () => {
    expect(outcomeOf(double(), 10, [4, 9])).toEqual({
      status: 'reconciliation',
      finalMark: null,
      resolution: null,
    });
    expect(outcomeOf(double(), 10, [4, 9, 6])).toEqual({
      status: 'done',
      finalMark: 6,
      resolution: 'reconciled',
    });
  });

  it('should settle marks beyond the tolerance by average or higher when that is the rule', () => {
    expect(outcomeOf(double({ reconciliation: 'average' }), 10, [4, 9])).toEqual({
      status: 'done',
      finalMark: 6.5,
      resolution: 'reconciled',
    });
    expect(outcomeOf(double({ reconciliation: 'higher' }), 10, [4, 9]).finalMark).toBe(9);
  });

  it('should treat a difference exactly at the tolerance as within it', () => {
    expect(outcomeOf(double({ toleranceFraction: 0.1 }), 5, [2, 2.5]).resolution).toBe('combined');
    expect(outcomeOf(double({ toleranceFraction: 0 }), 5, [2, 2.5]).status).toBe('reconciliation');
  });
});

describe('inMarkerOrder', () => {
  const items = Array.from({ length: 30 }, () => ({ id: randomUUID() }));

  it('should give each marker a stable order of the same items', () => {
    const a = inMarkerOrder('marker-a', items);
    expect(inMarkerOrder('marker-a', [...items].reverse())).toEqual(a);
    expect(new Set(a.map((i) => i.id))).toEqual(new Set(items.map((i) => i.id)));
  });

  it('should order the items differently for another marker', () => {
    expect(inMarkerOrder('marker-b', items).map((i) => i.id)).not.toEqual(
      inMarkerOrder('marker-a', items).map((i) => i.id),
    );
  });
});

describe('attemptTotal', () => {
  it('should add every score, or answer null while one waits for a marker', () => {
    expect(attemptTotal({ a: 2, b: 3.25, c: 0 })).toBe(5.25);
    expect(attemptTotal({ a: 2, b: null })).toBeNull();
    expect(attemptTotal({ a: 0.1, b: 0.2 })).toBe(0.3);
  });
});
