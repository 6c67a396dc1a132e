import { findReplayedCapture } from './capture-replay';

const vector = (seed: number): Float32Array =>
  Float32Array.from({ length: 128 }, (_, i) => Math.sin(seed * 7 + i) / 10);
const nudged = (base: Float32Array, by: number): Float32Array =>
  Float32Array.from(base, (v, i) => (i === 0 ? v + by : v));

describe('findReplayedCapture', () => {
  const enrolment = vector(1);
  const earlier = [vector(2), vector(3)];

  it('should find a frame that is the enrolment image again', () => {
    const sut = findReplayedCapture([vector(9), nudged(enrolment, 0.05)], enrolment, earlier, 0.2);

    expect(sut).toMatchObject({ frameIndex: 1, source: 'the enrolment image' });
    expect(sut?.distance).toBeCloseTo(0.05);
  });

  it('should find a frame of an earlier passed check sent again', () => {
    expect(findReplayedCapture([nudged(vector(3), 0.1)], enrolment, earlier, 0.2)).toMatchObject({
      frameIndex: 0,
      source: 'a frame of an earlier face check',
    });
  });

  it('should accept new captures at or beyond the floor', () => {
    expect(
      findReplayedCapture([nudged(enrolment, 0.2), nudged(vector(2), 0.3)], enrolment, earlier, 0.2),
    ).toBeNull();
  });
});
