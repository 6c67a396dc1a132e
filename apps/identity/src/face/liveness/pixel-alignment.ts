import type { Point } from '../engine/face-engine';
import {
  blurGrey,
  FACE_PATCH_FACE_WIDTH_PX,
  type FacePatch,
  type GreyImage,
  mirrorPatch,
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

/** One level of the alignment: a's blurred pixels and gradients, b's blurred values at the sample points. */
interface Level {
  readonly a: GreyImage;
  readonly gx: Float32Array;
  readonly gy: Float32Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly vb: Float64Array;
}

/** Central-difference gradients (NaN next to NaN pixels and at the border). */
function gradients(image: GreyImage): { gx: Float32Array; gy: Float32Array } {
  const { width, height, data } = image;
  const gx = new Float32Array(data.length).fill(Number.NaN);
  const gy = new Float32Array(data.length).fill(Number.NaN);
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      gx[i] = (data[i + 1] - data[i - 1]) / 2;
      gy[i] = (data[i + width] - data[i - width]) / 2;
    }
  }
  return { gx, gy };
}

/**
 * Blurred pictures and their gradients, kept per picture while it lives: each frame of an answer takes part in
 * four alignments (two pairs, direct and mirrored), so each is blurred once per level, not four times.
 */
const blurredCache = new WeakMap<
  GreyImage,
  Map<number, { image: GreyImage; gx: Float32Array; gy: Float32Array }>
>();

function blurred(image: GreyImage, sigma: number): { image: GreyImage; gx: Float32Array; gy: Float32Array } {
  let bySigma = blurredCache.get(image);
  if (bySigma === undefined) {
    bySigma = new Map();
    blurredCache.set(image, bySigma);
  }
  let entry = bySigma.get(sigma);
  if (entry === undefined) {
    const blurredImage = blurGrey(image, sigma);
    entry = { image: blurredImage, ...gradients(blurredImage) };
    bySigma.set(sigma, entry);
  }
  return entry;
}

const mirroredCache = new WeakMap<FacePatch, FacePatch>();

function mirroredOnce(patch: FacePatch): FacePatch {
  let mirrored = mirroredCache.get(patch);
  if (mirrored === undefined) {
    mirrored = mirrorPatch(patch);
    mirroredCache.set(patch, mirrored);
  }
  return mirrored;
}

function level(a: GreyImage, b: GreyImage, points: readonly Point[], sigma: number): Level {
  const { image: blurredA, gx, gy } = blurred(a, sigma);
  const blurredB = blurred(b, sigma).image;
  return {
    a: blurredA,
    gx,
    gy,
    xs: Float64Array.from(points, (p) => p.x),
    ys: Float64Array.from(points, (p) => p.y),
    vb: Float64Array.from(points, (p) => blurredB.data[p.y * blurredB.width + p.x]),
  };
}

/** Bilinear weights of (x, y) in an image of `width`: base index and fractions, or -1 outside. */
function cell(width: number, height: number, x: number, y: number): number {
  if (!(x >= 0 && y >= 0 && x < width - 1 && y < height - 1)) return -1;
  return Math.floor(y) * width + Math.floor(x);
}

function bilinear(data: Float32Array, width: number, i: number, fx: number, fy: number): number {
  return (
    data[i] * (1 - fx) * (1 - fy) +
    data[i + 1] * fx * (1 - fy) +
    data[i + width] * (1 - fx) * fy +
    data[i + width + 1] * fx * fy
  );
}

/** Normalised cross-correlation of b's samples and a at their mapped positions. */
function correlation(l: Level, h: Homography): number {
  const { width, height, data } = l.a;
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let k = 0; k < l.xs.length; k += 1) {
    const px = l.xs[k];
    const py = l.ys[k];
    const w = h[6] * px + h[7] * py + 1;
    const qx = (h[0] * px + h[1] * py + h[2]) / w;
    const qy = (h[3] * px + h[4] * py + h[5]) / w;
    const i = cell(width, height, qx, qy);
    if (i < 0) continue;
    const va = bilinear(data, width, i, qx - Math.floor(qx), qy - Math.floor(qy));
    const vb = l.vb[k];
    if (Number.isNaN(va) || Number.isNaN(vb)) continue;
    n += 1;
    sa += va;
    sb += vb;
    saa += va * va;
    sbb += vb * vb;
    sab += va * vb;
  }
  if (n < 8) return 0;
  const cov = sab - (sa * sb) / n;
  const varA = saa - (sa * sa) / n;
  const varB = sbb - (sb * sb) / n;
  return varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : 0;
}

/** One Gauss-Newton step of h (b → a), with the best gain/offset of b's brightness; null when stuck. */
function step(l: Level, h: Homography, scratch: Float64Array): Homography | null {
  const { width, height, data } = l.a;
  // scratch holds per sample: qx, qy, va, vb, gx, gy, w (7 values); a NaN qx marks a skipped sample.
  let n = 0;
  let sa = 0;
  let sb = 0;
  let sbb = 0;
  let sab = 0;
  for (let k = 0; k < l.xs.length; k += 1) {
    const px = l.xs[k];
    const py = l.ys[k];
    const w = h[6] * px + h[7] * py + 1;
    const qx = (h[0] * px + h[1] * py + h[2]) / w;
    const qy = (h[3] * px + h[4] * py + h[5]) / w;
    const o = k * 7;
    scratch[o] = Number.NaN;
    const i = cell(width, height, qx, qy);
    if (i < 0 || Math.abs(w) < 1e-9) continue;
    const fx = qx - Math.floor(qx);
    const fy = qy - Math.floor(qy);
    const va = bilinear(data, width, i, fx, fy);
    const gx = bilinear(l.gx, width, i, fx, fy);
    const gy = bilinear(l.gy, width, i, fx, fy);
    const vb = l.vb[k];
    if (Number.isNaN(va) || Number.isNaN(vb) || Number.isNaN(gx) || Number.isNaN(gy)) continue;
    scratch[o] = qx;
    scratch[o + 1] = qy;
    scratch[o + 2] = va;
    scratch[o + 3] = vb;
    scratch[o + 4] = gx;
    scratch[o + 5] = gy;
    scratch[o + 6] = w;
    n += 1;
    sa += va;
    sb += vb;
    sbb += vb * vb;
    sab += va * vb;
  }
  if (n < 16) return null;
  const varB = sbb - (sb * sb) / n;
  const gain = varB > 0 ? (sab - (sa * sb) / n) / varB : 1;
  const offset = (sa - gain * sb) / n;
  const jtj = new Float64Array(64);
  const jtr = new Float64Array(8);
  const row = new Float64Array(8);
  for (let k = 0; k < l.xs.length; k += 1) {
    const o = k * 7;
    const qx = scratch[o];
    if (Number.isNaN(qx)) continue;
    const px = l.xs[k];
    const py = l.ys[k];
    const qy = scratch[o + 1];
    const gx = scratch[o + 4];
    const gy = scratch[o + 5];
    const w = scratch[o + 6];
    const r = scratch[o + 2] - (gain * scratch[o + 3] + offset);
    const along = gx * qx + gy * qy;
    row[0] = (gx * px) / w;
    row[1] = (gx * py) / w;
    row[2] = gx / w;
    row[3] = (gy * px) / w;
    row[4] = (gy * py) / w;
    row[5] = gy / w;
    row[6] = (-along * px) / w;
    row[7] = (-along * py) / w;
    for (let i = 0; i < 8; i += 1) {
      const ri = row[i];
      jtr[i] += ri * r;
      for (let j = i; j < 8; j += 1) jtj[i * 8 + j] += ri * row[j];
    }
  }
  for (let i = 0; i < 8; i += 1) {
    for (let j = 0; j < i; j += 1) jtj[i * 8 + j] = jtj[j * 8 + i];
    jtj[i * 9] *= 1 + DAMPING;
  }
  const delta = solve8(jtj, jtr);
  if (delta === null) return null;
  return h.map((value, i) => value - delta[i]) as unknown as Homography;
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
  const source = mirrored ? mirroredOnce(a) : a;
  const sourceLandmarks = mirrored ? mirrorLabels(source.landmarks) : source.landmarks;
  let h = fitHomography(b.landmarks, sourceLandmarks);
  if (h === null) return none;
  const points = facePoints(b);
  const scratch = new Float64Array(points.length * 7);
  let last: Level | null = null;
  for (const { sigma, iterations } of LEVELS) {
    last = level(source.image, b.image, points, sigma);
    for (let i = 0; i < iterations; i += 1) {
      const next = step(last, h, scratch);
      if (next === null) break;
      h = next;
    }
  }
  if (last === null) return none;
  return {
    correlation: correlation(last, h),
    drift: drift(h, b.landmarks, sourceLandmarks, FACE_PATCH_FACE_WIDTH_PX),
  };
}
