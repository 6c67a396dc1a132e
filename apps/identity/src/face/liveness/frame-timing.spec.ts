import { frameTimingProblem } from './frame-timing';

describe('frameTimingProblem', () => {
  it('should accept one capture session in the order asked within the budget', () => {
    expect(frameTimingProblem([1_200, 2_500, 3_900], 3, 5_000)).toBeNull();
  });

  it('should refuse a sequence without one time per frame', () => {
    expect(frameTimingProblem([1_200, 2_500], 3, 5_000)).toMatch(/one capture time per frame \(3\), got 2/);
  });

  it('should refuse frames out of order or faster than a head turns', () => {
    expect(frameTimingProblem([2_500, 1_200, 3_900], 3, 5_000)).toMatch(
      /frames 0 and 1 were taken -1300 ms apart/,
    );
    expect(frameTimingProblem([1_200, 1_300, 3_900], 3, 5_000)).toMatch(/at least 250 ms apart/);
  });

  it('should refuse capture times later than the time that passed since the challenge was issued', () => {
    expect(frameTimingProblem([1_200, 2_500, 9_000], 3, 5_000)).toMatch(/only 5000 ms have passed/);
    // Clock slack: a client a little ahead of the server is not refused.
    expect(frameTimingProblem([1_200, 2_500, 6_500], 3, 5_000)).toBeNull();
  });

  it('should refuse frames spread over more than the sequence budget', () => {
    expect(frameTimingProblem([1_000, 30_000, 60_000], 3, 90_000)).toMatch(
      /span 59\.0 s: take them in one go, within 20 s/,
    );
  });
});
