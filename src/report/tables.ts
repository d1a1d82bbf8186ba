import { fixed, signed } from "../text/format.js";
import { sparkline } from "../text/sparkline.js";
import type { BoundSummary, ClipSummary } from "./clipping.js";
import type { Contributions } from "./contributions.js";
import type { EvalCurve, Series, TrainingCurves } from "./curves.js";
import type { RunReport } from "./runReport.js";
import { subsetAccuracy, type StrategySwitch } from "./strategySwitch.js";

/**
 * The report's tables as cells of text, built once for both renderers: the terminal aligns them,
 * the HTML file puts them in <table>s.
 */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Characters a trend sparkline spans: a long run is averaged into this many buckets. */
const TREND_WIDTH = 40;

/** Reward, accuracy and code frequency over training: first and last step, range, and the trend. */
export function trainingTable(training: TrainingCurves, codeFrequency: RunReport["codeFrequency"]): Table {
  const row = (name: string, s: Series) => {
    const logged = s.values.filter(Number.isFinite);
    return [name, number(logged[0]), number(logged.at(-1)), number(Math.min(...logged)), number(Math.max(...logged)), trend(s.values)];
  };
  return {
    header: ["metric", "first", "last", "min", "max", "trend"],
    rows: [
      row("reward", training.reward),
      row("accuracy", training.accuracy),
      ...(codeFrequency.ok ? [row(`code frequency (${codeFrequency.value.source})`, codeFrequency.value.series)] : []),
    ],
  };
}

/** Eval steps shown as columns; a run evaluated more often shows this many, evenly spaced, first and last included. */
const EVAL_COLUMNS = 8;

/** Each evaluation at its eval steps, its change from the first to the last, and the trend over all of them. */
export function evalTable(curves: readonly EvalCurve[]): Table {
  const all = [...new Set(curves.flatMap((c) => c.series.steps))].sort((a, b) => a - b);
  const steps = all.length <= EVAL_COLUMNS ? all : Array.from({ length: EVAL_COLUMNS }, (_, i) => all[Math.round((i * (all.length - 1)) / (EVAL_COLUMNS - 1))]!);
  return {
    header: ["data", "metric", ...steps.map((s) => `step ${s}`), "change", "trend"],
    rows: curves.map((c, i) => {
      const at = (step: number) => c.series.values[c.series.steps.indexOf(step)];
      const values = c.series.values;
      return [
        i > 0 && curves[i - 1]!.data === c.data ? "" : c.data,
        c.metric,
        ...steps.map((s) => number(at(s))),
        values.length > 1 ? signed(values.at(-1)! - values[0]!, 3) : "-",
        trend(values),
      ];
    }),
  };
}

/** The four subsets with their counts, accuracies before and after, contributions and partial scores, and the total. */
export function switchTable(s: StrategySwitch, c: Contributions): Table {
  return {
    header: ["subset", "problems", "correct before", "correct after", "accuracy before", "accuracy after", "contribution", "partial score"],
    rows: [
      ...s.subsets.map((d, i) => {
        const share = c.subsets[i]!;
        return [d.kind, String(d.problems), String(d.correctBefore), String(d.correctAfter), number(subsetAccuracy(d.correctBefore, d.problems)), number(subsetAccuracy(d.correctAfter, d.problems)), signed(share.contribution, 3), score(share.score)];
      }),
      ["total", String(s.problems), String(s.correctBefore), String(s.correctAfter), number(s.correctBefore / s.problems), number(s.correctAfter / s.problems), signed(c.totalChange, 3), c.totalChange === 0 ? "n/a" : "1.000"],
    ],
  };
}

/** Clip fraction per bound: mean, largest and last per-step value, and the trend. */
export function clipTable(clip: ClipSummary): Table {
  const row = (bound: string, b: BoundSummary) => [bound, fixed(b.mean, 4), fixed(b.max, 4), fixed(b.last, 4), trend(b.series.values)];
  return {
    header: ["bound", "mean", "max", "last", "trend"],
    rows: [row("low (ρ < 1−ε_low, A < 0)", clip.low), row("high (ρ > 1+ε_high, A > 0)", clip.high)],
  };
}

/**
 * The runs side by side: how each ended, accuracy and code frequency over training, each
 * evaluation first → last, and the code frequency of its answers when the run tracks code.
 */
export function overviewTable(reports: readonly RunReport[]): Table {
  const metrics = [...new Set(reports.flatMap((r) => (r.evals.ok ? r.evals.value.map((e) => e.metric) : [])))];
  const firstToLast = (s: Series | undefined) => {
    const logged = s?.values.filter(Number.isFinite) ?? [];
    return logged.length === 0 ? "-" : `${number(logged[0])}→${number(logged.at(-1))}`;
  };
  const curve = (r: RunReport, metric: string) => (r.evals.ok ? r.evals.value.find((e) => e.metric === metric) : undefined);
  const codeTrack = (r: RunReport) => (r.log.codeFrequency.ok && r.log.codeFrequency.value.kind === "track" ? r.log.codeFrequency.value.track : null);
  const evalCode = (r: RunReport, metric: string) => {
    const track = codeTrack(r);
    return track === null ? undefined : curve(r, metric)?.tracks[track];
  };
  const withCode = metrics.map((m) => reports.some((r) => evalCode(r, m) !== undefined));
  return {
    header: ["run", "status", "steps", "accuracy", "code frequency", ...metrics.flatMap((m, i) => (withCode[i] ? [m, `${m} code`] : [m]))],
    rows: reports.map((r) => [
      r.label,
      r.log.status ?? "not ended",
      `${r.training.ok ? (r.training.value.accuracy.steps.at(-1) ?? 0) : 0}/${r.log.meta.steps ?? "?"}`,
      firstToLast(r.training.ok ? r.training.value.accuracy : undefined),
      firstToLast(r.codeFrequency.ok ? r.codeFrequency.value.series : undefined),
      ...metrics.flatMap((m, i) => {
        const value = firstToLast(curve(r, m)?.series);
        return withCode[i] ? [value, firstToLast(evalCode(r, m))] : [value];
      }),
    ]),
  };
}

/** A value to three decimals; "-" where there is none (an empty subset, a step without the value). */
function number(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "-" : fixed(value, 3);
}

function score(value: number | null): string {
  return value === null ? "n/a" : fixed(value, 3);
}

/** The whole curve as a sparkline, averaged into at most TREND_WIDTH buckets. */
function trend(values: readonly number[]): string {
  const buckets = Math.min(values.length, TREND_WIDTH);
  const averaged = Array.from({ length: buckets }, (_, b) => {
    const logged = values.slice(Math.floor((b * values.length) / buckets), Math.floor(((b + 1) * values.length) / buckets)).filter(Number.isFinite);
    return logged.length === 0 ? Number.NaN : logged.reduce((x, y) => x + y, 0) / logged.length;
  });
  return sparkline(averaged);
}
