import type { Point } from '../../src/face/engine/face-engine';
import { type GreyImage, sampleGrey } from '../../src/face/liveness/grey-image';

/**
 * Synthetic pictures for the pixel rules of liveness (liveness/pixel-alignment.ts): a smooth random texture
 * stands in for a photo, warped like a still edited in 2-D, with the detector's landmark error.
 */
export const SIZE = 400;

/** A smooth random texture (sum of blobs, fixed seed): stands in for a photo's pixels. */
export function texture(seed: number): GreyImage {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const blobs = Array.from({ length: 120 }, () => ({
    x: random() * SIZE,
    y: random() * SIZE,
    r: 6 + random() * 20,
    v: random() * 120 - 60,
  }));
  const data = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y += 1)
    for (let x = 0; x < SIZE; x += 1) {
      let value = 128;
      for (const b of blobs) value += b.v * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.r ** 2));
      data[y * SIZE + x] = value;
    }
  return { width: SIZE, height: SIZE, data };
}

/** The picture warped by `m` (a..h of a homography, source → result), sampled through its inverse. */
export function warped(image: GreyImage, m: readonly number[]): GreyImage {
  const [a = 1, b = 0, c = 0, d = 0, e = 1, f = 0, g = 0, h = 0] = m;
  // inverse of [[a,b,c],[d,e,f],[g,h,1]] by the adjugate
  const inv = [
    e - f * h,
    c * h - b,
    b * f - c * e,
    f * g - d,
    a - c * g,
    c * d - a * f,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  ];
  const data = new Float32Array(image.data.length);
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1) {
      const w = (inv[6] ?? 0) * x + (inv[7] ?? 0) * y + (inv[8] ?? 1);
      const sx = ((inv[0] ?? 1) * x + (inv[1] ?? 0) * y + (inv[2] ?? 0)) / w;
      const sy = ((inv[3] ?? 0) * x + (inv[4] ?? 1) * y + (inv[5] ?? 0)) / w;
      const value = sampleGrey(image, sx, sy);
      data[y * image.width + x] = Number.isNaN(value) ? 128 : value;
    }
  return { width: image.width, height: image.height, data };
}

/** Detector error: every landmark off by up to 2.5 px, as a landmark model on a warped still is. */
export const jitter = (points: readonly Point[]): Point[] =>
  points.map((p, i) => ({ x: p.x + 2.5 * Math.sin(i * 1.7), y: p.y + 2.5 * Math.cos(i * 2.3) }));
