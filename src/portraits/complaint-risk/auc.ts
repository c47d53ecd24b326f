/**
 * Area under the ROC curve by the rank (Mann–Whitney U) formula:
 *   AUC = (R₊ − n₊(n₊ + 1)/2) ÷ (n₊ · n₋)
 * where R₊ is the sum of the positives' ranks among all scores (ascending, ties sharing
 * their average rank). It is the chance that a random positive scores above a random
 * negative, ties counting one half — so a constant score gives exactly 0.5, which matters
 * for baselines like "complaints in the last 12 months" where most customers tie at 0.
 * Null when one class is empty (no AUC is defined then).
 */
export function rankAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  if (labels.length !== n) throw new Error(`rankAuc: ${n} scores but ${labels.length} labels`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    const value = scores[order[start] as number] as number;
    while (end + 1 < n && scores[order[end + 1] as number] === value) end++;
    // Ranks are 1-based: the tie group start…end shares the average of ranks start+1 … end+1.
    const averageRank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The standard error of an AUC from n₊ positives and n₋ negatives (Hanley & McNeil, 1982),
 * so a hold-out of a few dozen complainers is not read more precisely than it can be.
 */
export function aucStandardError(auc: number, positives: number, negatives: number): number {
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance =
    (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) /
    (positives * negatives);
  return Math.sqrt(Math.max(0, variance));
}
