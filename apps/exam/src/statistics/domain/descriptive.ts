/** Descriptive statistics of a list of numbers; pure. Empty lists give null rather than NaN. */

export function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Population standard deviation (the cohort is the whole population of the exam). */
export function standardDeviation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

/**
 * Pearson correlation of two equally long series, or null when either does not vary (a question everyone
 * got right, a cohort of one): the correlation is undefined there, not zero.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  const mx = mean(xs.slice(0, n)) ?? 0;
  const my = mean(ys.slice(0, n)) ?? 0;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  if (vx < 1e-12 || vy < 1e-12) return null;
  return cov / Math.sqrt(vx * vy);
}

export interface Bucket {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * Counts of scores in `buckets` equal bands of [0, max]: band i holds [i·max/b, (i+1)·max/b), the last one
 * also the full score. Scores outside [0, max] are clamped into the first or last band.
 */
export function distribution(scores: readonly number[], max: number, buckets = 10): Bucket[] {
  const counts = new Array<number>(buckets).fill(0);
  if (max > 0)
    for (const score of scores) {
      // Multiply before dividing: 7 of 14 in ten bands is band 5 exactly, not 4.999….
      const band = Math.min(buckets - 1, Math.max(0, Math.floor((score * buckets) / max)));
      counts[band] = (counts[band] ?? 0) + 1;
    }
  return counts.map((count, i) => ({
    from: round((i * max) / buckets, 2),
    to: round(((i + 1) * max) / buckets, 2),
    count,
  }));
}
