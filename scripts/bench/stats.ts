/** Summaries of timings, in milliseconds. */

export type Summary = { count: number; p50: number; p95: number; p99: number; mean: number; min: number; max: number };

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p% of the
 * values at or below it, so p95 of 100 timings is the 95th fastest, never an interpolation.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of no values");
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    count: sorted.length,
    p50: round1(percentile(sorted, 50)),
    p95: round1(percentile(sorted, 95)),
    p99: round1(percentile(sorted, 99)),
    mean: round1(mean),
    min: round1(sorted[0]!),
    max: round1(sorted.at(-1)!),
  };
}
