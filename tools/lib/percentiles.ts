/** Nearest-rank percentile (the smallest value with at least p % of the values at or below it); null when there are none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The lower median (percentile 50): always one of the samples. */
export const median = (values: number[]) => percentile(values, 50);

/** `n` rounded to `digits` decimals for a report; null stays null (a percentile of no samples). */
export const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
