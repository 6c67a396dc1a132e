/**
 * An attempt's total (objective plus marked points): the sum of every question's score, or null while a
 * question still waits for a marker. The one place the total is computed. Pure.
 */
export function attemptTotal(scores: Readonly<Record<string, number | null>>): number | null {
  let total = 0;
  for (const score of Object.values(scores)) {
    if (score === null) return null;
    total += score;
  }
  return Math.round(total * 100) / 100;
}
