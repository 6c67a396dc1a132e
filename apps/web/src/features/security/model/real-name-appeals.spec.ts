import type { RealNameAppeal } from '../api/types';
import {
  appealFiltersOf,
  appealFiltersToParams,
  appealsShown,
  decisionReasonProblem,
} from './real-name-appeals';

function appeal(over: Partial<RealNameAppeal>): RealNameAppeal {
  return {
    id: 'a',
    kind: 'change_request',
    status: 'open',
    createdAt: '2026-12-01T00:00:00.000Z',
    userId: 'u',
    reason: 'Please correct my name.',
    maskedIdNumber: null,
    reviewedBy: null,
    reviewReason: null,
    ...over,
  };
}

describe('appealFiltersOf', () => {
  it('should open on the open appeals of every kind', () => {
    expect(appealFiltersOf(new URLSearchParams())).toEqual({ status: 'open', kind: undefined });
  });

  it('should read every status and a kind, and fall back on anything unknown', () => {
    expect(appealFiltersOf(new URLSearchParams('status=all&kind=id_number_taken'))).toEqual({
      status: undefined,
      kind: 'id_number_taken',
    });
    expect(appealFiltersOf(new URLSearchParams('status=rejected&kind=nope'))).toEqual({
      status: 'rejected',
      kind: undefined,
    });
    expect(appealFiltersOf(new URLSearchParams('status=drop'))).toEqual({ status: 'open', kind: undefined });
  });

  it('should round-trip through the address', () => {
    const filters = { status: undefined, kind: 'change_request' } as const;
    expect(appealFiltersOf(appealFiltersToParams(filters))).toEqual(filters);
  });
});

describe('appealsShown', () => {
  it('should keep the kind asked for, oldest first', () => {
    const shown = appealsShown(
      [
        appeal({ id: 'new', createdAt: '2026-12-03T00:00:00.000Z' }),
        appeal({ id: 'taken', kind: 'id_number_taken' }),
        appeal({ id: 'old', createdAt: '2026-11-30T00:00:00.000Z' }),
      ],
      { status: 'open', kind: 'change_request' },
    );
    expect(shown.map((a) => a.id)).toEqual(['old', 'new']);
  });
});

describe('decisionReasonProblem', () => {
  it('should want 10 to 500 characters once trimmed', () => {
    expect(decisionReasonProblem(undefined)).toBe('short');
    expect(decisionReasonProblem('   too short   ')).toBe('short');
    expect(decisionReasonProblem('Checked the ID card copy.')).toBeNull();
    expect(decisionReasonProblem('x'.repeat(501))).toBe('long');
  });
});
