import type { Point } from './face-engine';
import { decodeDescriptor, descriptorDistance, encodeDescriptor, estimateYaw } from './face-geometry';

function landmarks(noseX: number): Point[] {
  const points: Point[] = Array.from({ length: 68 }, () => ({ x: 50, y: 50 }));
  points[0] = { x: 0, y: 50 };
  points[16] = { x: 100, y: 50 };
  points[30] = { x: noseX, y: 60 };
  return points;
}

describe('face geometry', () => {
  it('should estimate yaw as the nose offset from the jaw middle', () => {
    expect(estimateYaw(landmarks(50))).toBeCloseTo(0);
    expect(estimateYaw(landmarks(70))).toBeCloseTo(0.2);
    expect(estimateYaw(landmarks(35))).toBeCloseTo(-0.15);
  });

  it('should refuse fewer than 68 landmarks', () => {
    expect(() => estimateYaw([{ x: 0, y: 0 }])).toThrow(RangeError);
  });

  it('should compute the Euclidean distance of descriptors', () => {
    expect(descriptorDistance(Float32Array.from([0, 3]), Float32Array.from([4, 0]))).toBeCloseTo(5);
    expect(() => descriptorDistance(new Float32Array(2), new Float32Array(3))).toThrow(RangeError);
  });

  it('should round-trip a descriptor through base64 exactly', () => {
    const descriptor = Float32Array.from({ length: 128 }, (_, i) => Math.sin(i) / 3);

    const sut = decodeDescriptor(encodeDescriptor(descriptor));

    expect(Array.from(sut)).toEqual(Array.from(descriptor));
  });
});
