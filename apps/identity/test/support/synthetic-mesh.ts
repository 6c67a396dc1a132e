import type { Point3 } from '../../src/face/mesh/face-mesh';

/**
 * A 478-point face mesh (MediaPipe order) with only what face actions read placed on purpose: both eyes
 * (corners and two lid pairs, `eyeOpening` × eye width apart) and the mouth (corners, inner lips
 * `mouthOpening` × mouth width apart). Unit tests of face actions use it instead of camera frames.
 */
export function syntheticMesh(eyeOpening: number, mouthOpening: number, scale = 100): Point3[] {
  const mesh: Point3[] = Array.from({ length: 478 }, () => ({ x: 0, y: 0, z: 0 }));
  const put = (index: number, x: number, y: number): void => {
    mesh[index] = { x: x * scale, y: y * scale, z: 0 };
  };
  const eyeWidth = 0.3;
  const eye = (
    outer: number,
    inner: number,
    lids: readonly (readonly [number, number])[],
    cx: number,
  ): void => {
    put(outer, cx - eyeWidth / 2, 0);
    put(inner, cx + eyeWidth / 2, 0);
    for (const [k, [upper, lower]] of lids.entries()) {
      const x = cx - 0.05 + 0.1 * k;
      put(upper, x, -(eyeOpening * eyeWidth) / 2);
      put(lower, x, (eyeOpening * eyeWidth) / 2);
    }
  };
  eye(
    33,
    133,
    [
      [160, 144],
      [158, 153],
    ],
    -0.3,
  );
  eye(
    263,
    362,
    [
      [385, 380],
      [387, 373],
    ],
    0.3,
  );
  const mouthWidth = 0.5;
  put(61, -mouthWidth / 2, 0.6);
  put(291, mouthWidth / 2, 0.6);
  put(13, 0, 0.6 - (mouthOpening * mouthWidth) / 2);
  put(14, 0, 0.6 + (mouthOpening * mouthWidth) / 2);
  return mesh;
}
