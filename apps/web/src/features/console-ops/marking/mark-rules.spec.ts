import { markProblem, scriptLabel } from './mark-rules';

describe('a mark', () => {
  it('is given, from 0 to the full mark', () => {
    expect(markProblem(undefined, 10, 0.5)).toBe('missing');
    expect(markProblem(null, 10, 0.5)).toBe('missing');
    expect(markProblem(-0.5, 10, 0.5)).toBe('out_of_range');
    expect(markProblem(10.5, 10, 0.5)).toBe('out_of_range');
    expect(markProblem(0, 10, 0.5)).toBeNull();
    expect(markProblem(10, 10, 0.5)).toBeNull();
  });

  it('is a multiple of the step, or the full mark', () => {
    expect(markProblem(7.5, 10, 0.5)).toBeNull();
    expect(markProblem(7.25, 10, 0.5)).toBe('off_step');
    expect(markProblem(0.3, 1, 0.1)).toBeNull(); // no floating-point surprise
    expect(markProblem(7, 7, 2)).toBeNull();
    expect(markProblem(5, 7, 2)).toBe('off_step');
    expect(markProblem(1.005, 10, 0.01)).toBe('off_step');
  });
});

describe('a script label', () => {
  it('is short, upper case and carries nothing but the opaque id', () => {
    expect(scriptLabel('3f2a9c1e-0b7d-4c11-9e00-5a6b7c8d9e0f')).toBe('3F2A9C1E');
  });
});
