import type { EvalResult } from "../runtime/executor/events.js";
import type { SampleRow, StepRow } from "./runLog.js";
import { strategyOf } from "./strategy.js";

/** Values over steps; a step without the value holds NaN (a gap in plots and sparklines). */
export interface Series {
  readonly steps: readonly number[];
  readonly values: readonly number[];
}

/** The per-step training curves of metrics.jsonl. */
export interface TrainingCurves {
  readonly reward: Series;
  /** Share of the step's rollout answers that are correct against the ground truth, whatever the reward. */
  readonly accuracy: Series;
  /** Share of response tokens where the clipped term was active, below 1 − ε_low and above 1 + ε_high. */
  readonly clipLow: Series;
  readonly clipHigh: Series;
}

export function trainingCurves(rows: readonly StepRow[]): TrainingCurves {
  const steps = rows.map((r) => r.step);
  const series = (value: (r: StepRow) => number | undefined): Series => ({ steps, values: rows.map((r) => value(r) ?? Number.NaN) });
  return {
    reward: series((r) => r.reward_mean),
    accuracy: series((r) => r.accuracy),
    clipLow: series((r) => r.clip_frac_low),
    clipHigh: series((r) => r.clip_frac_high),
  };
}

/** A tracked expression's per-step value (its frequency, for a predicate) from metrics.jsonl. */
export function trackCurve(rows: readonly StepRow[], track: string): Series {
  return { steps: rows.map((r) => r.step), values: rows.map((r) => r.tracks?.[track] ?? Number.NaN) };
}

/** Training code frequency per step counted in samples.jsonl: the share of each step's answers that reason in code. */
export function codeFrequencyOfSamples(samples: readonly SampleRow[]): Series {
  const counts = new Map<number, { code: number; total: number }>();
  for (const s of samples) {
    const c = counts.get(s.step) ?? { code: 0, total: 0 };
    counts.set(s.step, { code: c.code + (strategyOf(s.response) === "Code" ? 1 : 0), total: c.total + 1 });
  }
  return { steps: [...counts.keys()], values: [...counts.values()].map((c) => c.code / c.total) };
}

/** One evaluation (data × metric) over the steps it ran at. */
export interface EvalCurve {
  readonly data: string;
  readonly metric: string;
  readonly series: Series;
  /** Each tracked expression on the same answers (the code frequency of the test set), over the same steps. */
  readonly tracks: Readonly<Record<string, Series>>;
}

/** evals.jsonl as one curve per (data, metric), in the order they first appear. */
export function evalCurves(results: readonly EvalResult[]): EvalCurve[] {
  const curves = new Map<string, { data: string; metric: string; results: EvalResult[] }>();
  for (const r of results) {
    const key = `${r.data}\u0000${r.metric}`;
    const curve = curves.get(key) ?? { data: r.data, metric: r.metric, results: [] };
    curve.results.push(r);
    curves.set(key, curve);
  }
  return [...curves.values()].map(({ data, metric, results: rs }) => {
    const steps = rs.map((r) => r.step);
    const names = [...new Set(rs.flatMap((r) => Object.keys(r.tracks ?? {})))];
    return {
      data,
      metric,
      series: { steps, values: rs.map((r) => r.value) },
      tracks: Object.fromEntries(names.map((name) => [name, { steps, values: rs.map((r) => r.tracks?.[name] ?? Number.NaN) }])),
    };
  });
}
