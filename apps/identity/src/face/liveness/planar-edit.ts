import type { Point } from '../engine/face-engine';

/**
 * Image-plane geometry of landmark sets: tells a head turning in 3-D from one picture edited in 2-D.
 *
 * Warping, skewing, scaling, rotating or mirroring a still maps every landmark by one plane projective
 * transform (a homography; affine and mirror are special cases), so the landmarks found in the edited picture
 * are that transform of the landmarks of the original, up to detector noise. A real head is not flat: when it
 * turns, the nose tip, eyes and jaw line move by different amounts, which no single homography reproduces.
 */

/** iBUG 68-point indices swapped by a left-right mirror (the points of the symmetry axis map to themselves). */
const MIRROR_PAIRS: readonly (readonly [number, number])[] = [
  ...Array.from({ length: 8 }, (_, i) => [i, 16 - i] as const),
  [17, 26],
  [18, 25],
  [19, 24],
  [20, 23],
  [21, 22],
  [31, 35],
  [32, 34],
  [36, 45],
  [37, 44],
  [38, 43],
  [39, 42],
  [40, 47],
  [41, 46],
  [48, 54],
  [49, 53],
  [50, 52],
  [55, 59],
  [56, 58],
  [60, 64],
  [61, 63],
  [65, 67],
];

const MIRROR_INDEX: readonly number[] = (() => {
  const index = Array.from({ length: 68 }, (_, i) => i);
  for (const [a, b] of MIRROR_PAIRS) {
    index[a] = b;
    index[b] = a;
  }
  return index;
})();

/** The landmarks relabelled as a mirror would label them: point i becomes the mirror partner of i. */
export function mirrorLabels(points: readonly Point[]): Point[] {
  if (points.length !== 68) throw new RangeError('68 landmarks expected');
  return MIRROR_INDEX.map((source) => points[source]);
}

interface Normalised {
  readonly points: Point[];
  readonly cx: number;
  readonly cy: number;
  readonly scale: number;
}

/** Hartley normalisation: centroid at 0, mean distance √2; makes the fit and its residual scale-free. */
function normalise(points: readonly Point[]): Normalised {
  const n = points.length;
  const cx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const cy = points.reduce((sum, p) => sum + p.y, 0) / n;
  const mean = points.reduce((sum, p) => sum + Math.hypot(p.x - cx, p.y - cy), 0) / n;
  const scale = mean > 0 ? Math.SQRT2 / mean : 1;
  return { points: points.map((p) => ({ x: (p.x - cx) * scale, y: (p.y - cy) * scale })), cx, cy, scale };
}

/** Row-major 3×3 homography with h[8] = 1 left out: x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), … */
export type Homography = readonly [number, number, number, number, number, number, number, number];

/** Least-squares homography (normalised DLT) of the normalised points; null when degenerate. */
function fitNormalised(src: readonly Point[], dst: readonly Point[]): Homography | null {
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const accumulate = (row: readonly number[], value: number): void => {
    for (let i = 0; i < 8; i += 1) {
      atb[i] = atb[i] + row[i] * value;
      for (let j = 0; j < 8; j += 1) ata[i][j] = ata[i][j] + row[i] * row[j];
    }
  };
  for (const [i, s] of src.entries()) {
    const d = dst[i];
    accumulate([s.x, s.y, 1, 0, 0, 0, -d.x * s.x, -d.x * s.y], d.x);
    accumulate([0, 0, 0, s.x, s.y, 1, -d.y * s.x, -d.y * s.y], d.y);
  }
  const h = solve(ata, atb);
  return h === null ? null : (h as unknown as Homography);
}

/**
 * The least-squares homography mapping `from` onto `to` in their own pixel coordinates (denormalised), or
 * null when the points are degenerate.
 */
export function fitHomography(from: readonly Point[], to: readonly Point[]): Homography | null {
  if (from.length !== to.length || from.length < 4) return null;
  const s = normalise(from);
  const d = normalise(to);
  const hn = fitNormalised(s.points, d.points);
  if (hn === null) return null;
  // H = D⁻¹ · Hn · S with S = [[k,0,-k·cx],[0,k,-k·cy],[0,0,1]] and D likewise.
  const [a, b, c, e, f, g, p, q] = hn;
  const m = [
    [a * s.scale, b * s.scale, c - a * s.scale * s.cx - b * s.scale * s.cy],
    [e * s.scale, f * s.scale, g - e * s.scale * s.cx - f * s.scale * s.cy],
    [p * s.scale, q * s.scale, 1 - p * s.scale * s.cx - q * s.scale * s.cy],
  ];
  const shift = [d.cx, d.cy];
  const out = [0, 1].map((r) => m[r].map((v, k) => v / d.scale + shift[r] * m[2][k]));
  const last = m[2][2];
  return [
    out[0][0] / last,
    out[0][1] / last,
    out[0][2] / last,
    out[1][0] / last,
    out[1][1] / last,
    out[1][2] / last,
    m[2][0] / last,
    m[2][1] / last,
  ];
}

/** Solves the square system a·x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) {
      if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    }
    if (Math.abs(m[pivot][col]) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const top = m[col];
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const current = m[row];
      const factor = current[col] / top[col];
      for (let k = col; k <= n; k += 1) current[k] = current[k] - factor * top[k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/**
 * Root-mean-square distance, in units of the face's own size (normalised landmark spread), between `to` and
 * the best homography image of `from`. Near 0: `to` is a 2-D edit of `from`'s picture (or the same picture).
 * Infinity when the points are degenerate (fewer than 4 or collinear).
 */
export function homographyResidual(from: readonly Point[], to: readonly Point[]): number {
  if (from.length !== to.length)
    throw new RangeError(`landmark counts differ: ${from.length} vs ${to.length}`);
  if (from.length < 4) return Number.POSITIVE_INFINITY;
  const src = normalise(from).points;
  const dst = normalise(to).points;
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  const accumulate = (row: readonly number[], value: number): void => {
    for (let i = 0; i < 8; i += 1) {
      atb[i] = atb[i] + row[i] * value;
      for (let j = 0; j < 8; j += 1) ata[i][j] = ata[i][j] + row[i] * row[j];
    }
  };
  for (const [i, s] of src.entries()) {
    const d = dst[i];
    accumulate([s.x, s.y, 1, 0, 0, 0, -d.x * s.x, -d.x * s.y], d.x);
    accumulate([0, 0, 0, s.x, s.y, 1, -d.y * s.x, -d.y * s.y], d.y);
  }
  const h = solve(ata, atb);
  if (h === null) return Number.POSITIVE_INFINITY;
  const [h0, h1, h2, h3, h4, h5, h6, h7] = h as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  let sum = 0;
  for (const [i, s] of src.entries()) {
    const d = dst[i];
    const w = h6 * s.x + h7 * s.y + 1;
    if (Math.abs(w) < 1e-9) return Number.POSITIVE_INFINITY;
    const x = (h0 * s.x + h1 * s.y + h2) / w;
    const y = (h3 * s.x + h4 * s.y + h5) / w;
    sum += (x - d.x) ** 2 + (y - d.y) ** 2;
  }
  return Math.sqrt(sum / src.length) / Math.SQRT2;
}

/** How close `b` comes to being a 2-D edit of `a`'s picture: as it is, and as its mirror image. */
export interface PlanarFit {
  readonly direct: number;
  readonly mirrored: number;
}

export function planarFit(a: readonly Point[], b: readonly Point[]): PlanarFit {
  return { direct: homographyResidual(a, b), mirrored: homographyResidual(mirrorLabels(a), b) };
}
