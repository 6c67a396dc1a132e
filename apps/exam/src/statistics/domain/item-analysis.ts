import { mean, pearson, round } from './descriptive';

/**
 * Thresholds of a question that behaves badly (classical test theory, as commonly used for school exams):
 * - `too_hard`: difficulty P < 0.2 (fewer than one in five earn its points);
 * - `too_easy`: P > 0.95 (it tells candidates apart no more);
 * - `low_discrimination`: upper-lower 27 % discrimination index D < 0.2 (strong and weak candidates do
 *   about equally well on it);
 * - `negative_point_biserial`: the correlation of the question's score with the rest-score is below 0
 *   (candidates who do well on the rest of the paper do worse on it: often a wrong key).
 */
export const ITEM_THRESHOLDS = {
  tooHardBelow: 0.2,
  tooEasyAbove: 0.95,
  lowDiscriminationBelow: 0.2,
  pointBiserialBelow: 0,
} as const;

/**
 * Fewer takers than this and D and the point-biserial are not computed (null) and no flag is raised: with
 * a handful of candidates one answer swings every index, and the upper and lower groups would be one or two
 * people. P is still reported.
 */
export const MIN_ITEM_COHORT = 5;

/** Share of the cohort in each of the upper and lower groups. */
export const GROUP_SHARE = 0.27;

export type ItemFlag = 'too_hard' | 'too_easy' | 'low_discrimination' | 'negative_point_biserial';

/** One candidate who had the question: their total and the points they earned on it. */
export interface ItemResponse {
  readonly candidate: string;
  readonly total: number;
  readonly awarded: number;
}

export interface ItemStatistics {
  readonly takers: number;
  /** Mean share of the question's points earned (proportion correct for right/wrong questions). */
  readonly difficulty: number | null;
  /** Upper-27 % mean share minus lower-27 % mean share, groups by total score. */
  readonly discrimination: number | null;
  /** Pearson correlation of the question's share with the rest-score (total minus this question). */
  readonly pointBiserial: number | null;
  readonly flags: ItemFlag[];
}

/** Candidates by total score, best first; ties in a fixed order so the groups do not depend on input order. */
function ranked(responses: readonly ItemResponse[]): ItemResponse[] {
  return [...responses].sort((a, b) => b.total - a.total || a.candidate.localeCompare(b.candidate));
}

/** Classical item analysis of one question worth `worth` points; pure. */
export function analyseItem(responses: readonly ItemResponse[], worth: number): ItemStatistics {
  const takers = responses.length;
  const share = (r: ItemResponse): number => (worth > 0 ? r.awarded / worth : 0);
  const p = mean(responses.map(share));
  if (takers < MIN_ITEM_COHORT)
    return {
      takers,
      difficulty: p === null ? null : round(p, 4),
      discrimination: null,
      pointBiserial: null,
      flags: [],
    };
  const order = ranked(responses);
  const group = Math.max(1, Math.round(GROUP_SHARE * takers));
  const upper = mean(order.slice(0, group).map(share)) ?? 0;
  const lower = mean(order.slice(-group).map(share)) ?? 0;
  const d = upper - lower;
  const r = pearson(
    responses.map(share),
    responses.map((x) => x.total - x.awarded),
  );
  const flags: ItemFlag[] = [];
  if (p !== null && p < ITEM_THRESHOLDS.tooHardBelow) flags.push('too_hard');
  if (p !== null && p > ITEM_THRESHOLDS.tooEasyAbove) flags.push('too_easy');
  if (d < ITEM_THRESHOLDS.lowDiscriminationBelow) flags.push('low_discrimination');
  if (r !== null && r < ITEM_THRESHOLDS.pointBiserialBelow) flags.push('negative_point_biserial');
  return {
    takers,
    difficulty: p === null ? null : round(p, 4),
    discrimination: round(d, 4),
    pointBiserial: r === null ? null : round(r, 4),
    flags,
  };
}
