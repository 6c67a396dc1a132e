import { classifyFaceReason } from './face-reasons';

describe('classifyFaceReason', () => {
  it.each([
    ['frame 1 does not show turn_left (yaw 0.02)', { kind: 'step_not_shown', frame: 1, step: 'turn_left' }],
    ['frame 2 shows a different face (distance 0.612)', { kind: 'different_face' }],
    ['the same picture was sent more than once (a still image)', { kind: 'still_image' }],
    [
      'frames 0 and 2 are one picture warped in 2-D, not a head turning (pixel correlation 0.999 after plane alignment)',
      { kind: 'flat_picture' },
    ],
    ['frames 0 and 1 were taken 20 ms apart: take them in the order asked', { kind: 'timing' }],
    [
      'frame 0 is the enrolment image sent again, not a new capture (distance 0.1 < 0.2)',
      { kind: 'replayed' },
    ],
    ['frame 1 is unusable: no face found', { kind: 'unusable_frame' }],
    ['the live face differs from the enrolled face (distance 0.700 > 0.55)', { kind: 'face_mismatch' }],
    ['the liveness service could not decide (it is unreachable)', { kind: 'service_undecided' }],
    ['something new', { kind: 'other' }],
    [null, { kind: 'other' }],
  ])('%s', (reason, expected) => {
    expect(classifyFaceReason(reason)).toEqual(expected);
  });
});
