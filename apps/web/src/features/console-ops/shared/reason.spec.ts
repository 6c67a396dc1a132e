import { reasonProblem } from './reason';

describe('a staff action’s reason', () => {
  it('is required, at least 5 and at most 500 characters once trimmed', () => {
    expect(reasonProblem(undefined)).toBe('missing');
    expect(reasonProblem('   ')).toBe('missing');
    expect(reasonProblem(' 网络 ')).toBe('too_short');
    expect(reasonProblem('考生网络中断')).toBeNull();
    expect(reasonProblem('x'.repeat(501))).toBe('too_long');
    expect(reasonProblem(`  ${'x'.repeat(500)}  `)).toBeNull();
  });
});
