import { syntheticMesh } from '../../../test/support/synthetic-mesh';
import {
  eyeAspectRatio,
  faceActionProblem,
  isFaceAction,
  mouthAspectRatio,
  showsBlink,
} from './face-actions';

describe('face actions on the face mesh', () => {
  const neutral = syntheticMesh(0.3, 0.02);

  it('should measure the eye and mouth openings whatever the face size', () => {
    expect(eyeAspectRatio(syntheticMesh(0.3, 0.02, 40))).toBeCloseTo(0.3, 5);
    expect(eyeAspectRatio(syntheticMesh(0.3, 0.02, 400))).toBeCloseTo(0.3, 5);
    expect(mouthAspectRatio(syntheticMesh(0.3, 0.5))).toBeCloseTo(0.5, 5);
  });

  it('should accept closed eyes and refuse open ones for close_eyes', () => {
    expect(faceActionProblem('close_eyes', syntheticMesh(0.04, 0.02))).toBeNull();
    expect(faceActionProblem('close_eyes', neutral)).toBe('the eyes are open (eye aspect ratio 0.30 > 0.12)');
  });

  it('should accept a wide open mouth and refuse a closed or speaking one for open_mouth', () => {
    expect(faceActionProblem('open_mouth', syntheticMesh(0.3, 0.6))).toBeNull();
    expect(faceActionProblem('open_mouth', syntheticMesh(0.3, 0.15))).toBe(
      'the mouth is not open (mouth aspect ratio 0.15 < 0.5)',
    );
    expect(faceActionProblem('open_mouth', neutral)).not.toBeNull();
  });

  it('should refuse a mesh without the points it reads', () => {
    expect(() => faceActionProblem('close_eyes', neutral.slice(0, 100))).toThrow(RangeError);
  });

  it('should see a blink only as open, closed, then open again over the sequence', () => {
    expect(showsBlink([0.3, 0.28, 0.05, 0.29])).toBe(true);
    expect(showsBlink([0.3, 0.3, 0.3])).toBe(false);
    // Closed from the first frame (a photo with closed eyes) or never reopened.
    expect(showsBlink([0.05, 0.3, 0.3])).toBe(false);
    expect(showsBlink([0.3, 0.05, 0.06])).toBe(false);
  });

  it('should tell face actions from head movements', () => {
    expect(isFaceAction('close_eyes')).toBe(true);
    expect(isFaceAction('open_mouth')).toBe(true);
    expect(isFaceAction('turn_left')).toBe(false);
  });
});
