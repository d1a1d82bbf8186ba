import type { Series, TrainingCurves } from "./curves.js";

/** One clip bound's fraction over training: its per-step curve, the mean and largest value, and the last. */
export interface BoundSummary {
  readonly series: Series;
  readonly mean: number;
  readonly max: number;
  readonly last: number;
}

export interface ClipSummary {
  /** Ratio below 1 − ε_low on a token with a negative advantage. */
  readonly low: BoundSummary;
  /** Ratio above 1 + ε_high on a token with a positive advantage. */
  readonly high: BoundSummary;
}

/**
 * Clip fraction over training, low and high apart: where GRPO's clipping acted, and so where its
 * bias toward the model's existing behaviours can come from. Null when no step logged it.
 */
export function clipSummary(curves: Pick<TrainingCurves, "clipLow" | "clipHigh">): ClipSummary | null {
  const low = summarise(curves.clipLow);
  const high = summarise(curves.clipHigh);
  return low === null || high === null ? null : { low, high };
}

function summarise(series: Series): BoundSummary | null {
  const logged = series.values.filter(Number.isFinite);
  if (logged.length === 0) return null;
  return { series, mean: logged.reduce((a, b) => a + b, 0) / logged.length, max: Math.max(...logged), last: logged[logged.length - 1]! };
}
