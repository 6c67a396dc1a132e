import type { DetectedFace, Point } from './face-engine';

/** Euclidean distance between two face descriptors (face-api's metric: < ~0.6 usually means same person). */
export function descriptorDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`descriptor lengths differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

const JAW_LEFT = 0;
const JAW_RIGHT = 16;
const NOSE_TIP = 30;

/**
 * Head yaw from the 68 landmarks, as the nose tip's offset from the middle of the jaw line, normalised by the
 * jaw width: 0 looking straight, positive when the nose points to the image's right (the subject turned to
 * their own left, in an unmirrored camera frame), negative for the other side. About ±0.1 is a clear turn.
 * A ratio rather than degrees: it needs no camera model and is what the challenge thresholds compare.
 */
export function estimateYaw(landmarks: readonly Point[]): number {
  const left = landmarks.at(JAW_LEFT);
  const right = landmarks.at(JAW_RIGHT);
  const nose = landmarks.at(NOSE_TIP);
  if (left === undefined || right === undefined || nose === undefined)
    throw new RangeError('68 landmarks expected');
  const width = right.x - left.x;
  if (width <= 0) return 0;
  return (nose.x - left.x) / width - 0.5;
}

export function faceWidth(face: DetectedFace): number {
  return face.box.width;
}

export function encodeDescriptor(descriptor: Float32Array): string {
  return Buffer.from(descriptor.buffer, descriptor.byteOffset, descriptor.byteLength).toString('base64');
}

export function decodeDescriptor(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length % 4 !== 0) throw new RangeError('descriptor bytes are not a Float32Array');
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer, 0, copy.length / 4);
}
