import type { Point } from '../engine/face-engine';
import {
  blurGrey,
  FACE_PATCH_FACE_WIDTH_PX,
  type FacePatch,
  type GreyImage,
  mirrorPatch,
  sampleGrey,
} from './grey-image';
import { fitHomography, type Homography, mirrorLabels } from './planar-edit';

/**
 * Pixel-level test for "one picture edited in 2-D": the landmarks only start the alignment (a landmark
 * detector is not exact under warps: its points on a warped still misfit the true warp by up to ~0.13
 * face-size units, as much as a real head turn), the pixels finish it. Frame `b`'s face region is mapped into
 * frame `a` by the homography that best explains a's pixels (Gauss-Newton on the 8 parameters, coarse then
 * fine, with gain and offset for brightness), and the normalised correlation of the two is the score.
 *
 * A still and any plane warp or mirror of it line up to a correlation near 1 (only resampling and
 * compression differ); two captures of a real head do not, because a turning head shows its nose, cheeks
 * and jaw line from another direction (parallax, occlusion, light), which no homography reproduces.
 */

/** One level of the coarse-to-fine alignment: blur, Gauss-Newton iterations. */
const LEVELS: readonly { readonly sigma: number; readonly iterations: number }[] = [
  { sigma: 3, iterations: 12 },
  { sigma: 1.5, iterations: 10 },
  { sigma: 0.8, iterations: 6 },
];
/** Grid step (patch pixels) of the sample points inside the face outline. */
const SAMPLE_STEP_PX = 2;
/** Levenberg damping relative to the diagonal: keeps a bad start from jumping away. */
const DAMPING = 1e-3;

/** iBUG 68: jaw 0-16 and the brows 26…17 back, a closed outline of the face. */
const OUTLINE: readonly number[] = [
  ...Array.from({ length: 17 }, (_, i) => i),
  ...Array.from({ length: 10 }, (_, i) => 26 - i),
];

function inside(polygon: readonly Point[], x: number, y: number): boolean {
  let odd = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const pi = polygon[i];
    const pj = polygon[j];
    if (pi.y > y !== pj.y > y && x < ((pj.x - pi.x) * (y - pi.y)) / (pj.y - pi.y) + pi.x) odd = !odd;
  }
  return odd;
}

/** Sample points of `patch` inside its face outline (the brows' line closes it at the top). */
function facePoints(patch: FacePatch): Point[] {
  const outline = OUTLINE.map((i) => patch.landmarks[i]);
  const points: Point[] = [];
  for (let y = 0; y < patch.image.height; y += SAMPLE_STEP_PX)
    for (let x = 0; x < patch.image.width; x += SAMPLE_STEP_PX)
      if (inside(outline, x, y)) points.push({ x, y });
  return points;
}

function apply(h: Homography, p: Point): Point | null {
  const w = h[6] * p.x + h[7] * p.y + 1;
  if (Math.abs(w) < 1e-9) return null;
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

function solve8(a: Float64Array, b: Float64Array): Float64Array | null {
  const n = 8;
  const m = Array.from({ length: n }, (_, i) => [...a.subarray(i * n, i * n + n), b[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1)
      if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    const top = m[pivot];
    if (Math.abs(top[col]) < 1e-15) return null;
    [m[col], m[pivot]] = [top, m[col]];
    for (let row = 0; row < n; row += 1) {
      const current = m[row];
      if (row === col) continue;
      const factor = current[col] / top[col];
      for (let k = col; k <= n; k += 1) current[k] = current[k] - factor * top[k];
    }
  }
  return Float64Array.from(m, (row, i) => row[n] / row[i]);
}

interface Correlation {
  readonly ncc: number;
  readonly samples: number;
}

/** Normalised cross-correlation of b's samples and a at their mapped positions. */
function correlation(a: GreyImage, b: GreyImage, points: readonly Point[], h: Homography): Correlation {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (const p of points) {
    const q = apply(h, p);
    if (q === null) continue;
    const va = sampleGrey(a, q.x, q.y);
    const vb = sampleGrey(b, p.x, p.y);
    if (Number.isNaN(va) || Number.isNaN(vb)) continue;
    n += 1;
    sa += va;
    sb += vb;
    saa += va * va;
    sbb += vb * vb;
    sab += va * vb;
  }
  if (n < 8) return { ncc: 0, samples: n };
  const cov = sab - (sa * sb) / n;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  return { ncc: va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0, samples: n };
}

/** One Gauss-Newton step of h (b → a), with the best gain/offset of b's brightness; null when stuck. */
function step(a: GreyImage, b: GreyImage, points: readonly Point[], h: Homography): Homography | null {
  const pairs: { p: Point; q: Point; va: number; vb: number; gx: number; gy: number }[] = [];
  let sa = 0;
  let sb = 0;
  let sbb = 0;
  let sab = 0;
  for (const p of points) {
    const q = apply(h, p);
    if (q === null) continue;
    const va = sampleGrey(a, q.x, q.y);
    const vb = sampleGrey(b, p.x, p.y);
    const gx = (sampleGrey(a, q.x + 1, q.y) - sampleGrey(a, q.x - 1, q.y)) / 2;
    const gy = (sampleGrey(a, q.x, q.y + 1) - sampleGrey(a, q.x, q.y - 1)) / 2;
    if (Number.isNaN(va) || Number.isNaN(vb) || Number.isNaN(gx) || Number.isNaN(gy)) continue;
    pairs.push({ p, q, va, vb, gx, gy });
    sa += va;
    sb += vb;
    sbb += vb * vb;
    sab += va * vb;
  }
  const n = pairs.length;
  if (n < 16) return null;
  const varB = sbb - (sb * sb) / n;
  const gain = varB > 0 ? (sab - (sa * sb) / n) / varB : 1;
  const offset = (sa - gain * sb) / n;
  const jtj = new Float64Array(64);
  const jtr = new Float64Array(8);
  const row = new Float64Array(8);
  for (const { p, q, va, vb, gx, gy } of pairs) {
    const w = h[6] * p.x + h[7] * p.y + 1;
    const r = va - (gain * vb + offset);
    row[0] = (gx * p.x) / w;
    row[1] = (gx * p.y) / w;
    row[2] = gx / w;
    row[3] = (gy * p.x) / w;
    row[4] = (gy * p.y) / w;
    row[5] = gy / w;
    row[6] = (-(gx * q.x + gy * q.y) * p.x) / w;
    row[7] = (-(gx * q.x + gy * q.y) * p.y) / w;
    for (let i = 0; i < 8; i += 1) {
      const ri = row[i] ?? 0;
      jtr[i] = (jtr[i] ?? 0) + ri * r;
      for (let j = 0; j < 8; j += 1) jtj[i * 8 + j] = (jtj[i * 8 + j] ?? 0) + ri * (row[j] ?? 0);
    }
  }
  for (let i = 0; i < 8; i += 1) jtj[i * 9] = (jtj[i * 9] ?? 0) * (1 + DAMPING);
  const delta = solve8(jtj, jtr);
  if (delta === null) return null;
  return h.map((value, i) => value - (delta[i] ?? 0)) as unknown as Homography;
}

export interface PlanarAlignment {
  /** Normalised correlation of the aligned face pixels, up to 1. */
  readonly correlation: number;
  /**
   * RMS distance, in face widths, between a's landmarks and b's mapped by the alignment: a plane edit keeps it
   * at detector error; far beyond it the pixels were matched by folding the face onto something else.
   */
  readonly drift: number;
}

function drift(h: Homography, from: readonly Point[], to: readonly Point[], faceWidth: number): number {
  let sum = 0;
  for (const [i, p] of from.entries()) {
    const q = apply(h, p);
    const t = to[i];
    if (q === null) return Number.POSITIVE_INFINITY;
    sum += (q.x - t.x) ** 2 + (q.y - t.y) ** 2;
  }
  return Math.sqrt(sum / Math.max(1, from.length)) / faceWidth;
}

/**
 * How well the face region of `b` is a plane warp of `a`'s picture: the correlation after the best homography
 * alignment started from the landmarks, and how far that alignment moved from them. `mirrored` compares with
 * a's mirror image.
 */
export function planarPixelAlignment(a: FacePatch, b: FacePatch, mirrored: boolean): PlanarAlignment {
  const none = { correlation: 0, drift: Number.POSITIVE_INFINITY };
  const source = mirrored ? mirrorPatch(a) : a;
  const sourceLandmarks = mirrored ? mirrorLabels(source.landmarks) : source.landmarks;
  let h = fitHomography(b.landmarks, sourceLandmarks);
  if (h === null) return none;
  const points = facePoints(b);
  let last: GreyImage | null = null;
  let lastB: GreyImage | null = null;
  for (const level of LEVELS) {
    const blurredA = blurGrey(source.image, level.sigma);
    const blurredB = blurGrey(b.image, level.sigma);
    for (let i = 0; i < level.iterations; i += 1) {
      const next = step(blurredA, blurredB, points, h);
      if (next === null) break;
      h = next;
    }
    last = blurredA;
    lastB = blurredB;
  }
  if (last === null || lastB === null) return none;
  return {
    correlation: correlation(last, lastB, points, h).ncc,
    drift: drift(h, b.landmarks, sourceLandmarks, FACE_PATCH_FACE_WIDTH_PX),
  };
}
