import { actorOf, markMessage, noteOf } from './mark-outcome';

describe('a mark just given', () => {
  it('says the final mark, a wait for the second marker, or a reconciliation', () => {
    expect(markMessage({ status: 'done', finalMark: 7.5 })).toBe('markedFinal');
    expect(markMessage({ status: 'done', finalMark: 0 })).toBe('markedFinal');
    expect(markMessage({ status: 'marking', finalMark: null })).toBe('markedPending');
    expect(markMessage({ status: 'reconciliation', finalMark: null })).toBe('markedReconciliation');
  });
});

describe('a score change’s note', () => {
  it('reads the marks behind a marked or reconciled score', () => {
    expect(noteOf({ reason: 'reconciled', note: 'reconciled: marks 8, 3, 6.5' })).toEqual({
      resolution: 'reconciled',
      marks: [8, 3, 6.5],
    });
    expect(noteOf({ reason: 'marked', note: 'combined: marks 8, 7' })).toEqual({
      resolution: 'combined',
      marks: [8, 7],
    });
    expect(noteOf({ reason: 'marked', note: 'single: marks 10' })).toEqual({
      resolution: 'single',
      marks: [10],
    });
  });

  it('keeps the staff member’s own words, even when they look like marks', () => {
    expect(noteOf({ reason: 'remarked', note: '复核后发现漏看第二段' })).toEqual({
      text: '复核后发现漏看第二段',
    });
    expect(noteOf({ reason: 'remarked', note: 'single: marks 10' })).toEqual({ text: 'single: marks 10' });
    expect(noteOf({ reason: 'regraded', note: '标准答案录入错误' })).toEqual({ text: '标准答案录入错误' });
    expect(noteOf({ reason: 'marked', note: 'marks: 8' })).toEqual({ text: 'marks: 8' });
  });
});

describe('who made a change', () => {
  const members = [{ userId: 'u1', nickname: '王老师' }];

  it('is a member by nickname, the system, or someone no longer a member', () => {
    expect(actorOf('u1', members)).toEqual({ kind: 'member', name: '王老师' });
    expect(actorOf(null, members)).toEqual({ kind: 'system' });
    expect(actorOf('u2', members)).toEqual({ kind: 'former' });
  });
});
