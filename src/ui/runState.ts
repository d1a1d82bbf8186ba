import type { EvalResult, ExplanationNode, RunEvent, StepMetrics } from "../runtime/executor/events.js";

/** Steps of history a sparkline can draw: enough for a curve's shape, bounded for long runs. */
export const HISTORY_LENGTH = 120;
/** Older warnings scroll away; the run directory keeps the full record. */
export const WARNINGS_KEPT = 5;
/** An external engine's log lines shown at once (the run directory keeps all of them in engine.log). */
export const LOG_LINES_KEPT = 8;

export interface RunHeader {
  readonly run: string;
  readonly file: string;
  readonly backend: string;
  readonly runDir: string;
  readonly resumedFrom: number | null;
  readonly position: { readonly index: number; readonly total: number } | null;
}

/** A stage before training; it has finished once anything after it is reported. */
export interface PhaseState {
  readonly name: string;
  readonly cached: boolean;
  readonly finished: boolean;
  /** Share done, for stages that report it; null until they do. */
  readonly progress: number | null;
}

/** The recent values of one per-step metric, oldest first. */
export interface MetricSeries {
  readonly name: string;
  readonly values: readonly number[];
}

/** The latest result of one evaluation (data × metric), with the one before it for a delta. */
export interface EvalRow {
  readonly step: number;
  readonly data: string;
  readonly metric: string;
  readonly value: number;
  readonly previous: number | null;
  readonly tracks: Readonly<Record<string, number>>;
}

export interface SampleState {
  readonly step: number;
  readonly prompt: string;
  readonly response: string;
  readonly reward: number;
  readonly explanation: ExplanationNode | null;
}

export type RunOutcome = Extract<RunEvent, { type: "done" }>;

export interface RunViewState {
  readonly header: RunHeader | null;
  /** 0 until the start event says otherwise. */
  readonly totalSteps: number;
  /** The last step reported (the resumed-from step before any is). */
  readonly step: number;
  readonly etaSeconds: number | null;
  readonly latest: StepMetrics | null;
  /** reward, accuracy, each track (in declaration order), clip (low + high), kl. */
  readonly series: readonly MetricSeries[];
  readonly phases: readonly PhaseState[];
  /** In the order each data × metric was first reported. */
  readonly evals: readonly EvalRow[];
  readonly sample: SampleState | null;
  readonly checkpoint: { readonly step: number; readonly path: string } | null;
  readonly warnings: readonly string[];
  /** The latest lines of an external engine's log, prefixed with its name. */
  readonly log: readonly string[];
  readonly outcome: RunOutcome | null;
}

export const initialRunState: RunViewState = {
  header: null,
  totalSteps: 0,
  step: 0,
  etaSeconds: null,
  latest: null,
  series: seriesFor([]),
  phases: [],
  evals: [],
  sample: null,
  checkpoint: null,
  warnings: [],
  log: [],
  outcome: null,
};

export function reduceRun(state: RunViewState, event: RunEvent): RunViewState {
  switch (event.type) {
    case "start":
      return {
        ...initialRunState,
        header: { run: event.run, file: event.file, backend: event.backend, runDir: event.runDir, resumedFrom: event.resumedFrom, position: event.position },
        totalSteps: event.steps,
        step: event.resumedFrom ?? 0,
        series: seriesFor(event.trackNames),
      };
    case "phase":
      return { ...state, phases: [...finishPhases(state.phases), { name: event.name, cached: event.cached, finished: false, progress: null }] };
    case "progress":
      return { ...state, phases: state.phases.map((p) => (p.name === event.name ? { ...p, progress: event.done / event.total } : p)) };
    case "step":
      return {
        ...state,
        phases: finishPhases(state.phases),
        step: event.metrics.step,
        etaSeconds: event.etaSeconds,
        latest: event.metrics,
        series: appendStep(state.series, event.metrics),
      };
    case "eval":
      return { ...state, evals: event.results.reduce(recordEval, state.evals) };
    case "sample": {
      const { step, prompt, response, reward, explanation } = event;
      return { ...state, sample: { step, prompt, response, reward, explanation } };
    }
    case "checkpoint":
      return { ...state, checkpoint: { step: event.step, path: event.path } };
    case "warning":
      return { ...state, warnings: [...state.warnings, event.message].slice(-WARNINGS_KEPT) };
    case "log":
      return { ...state, log: [...state.log, `${event.source} | ${event.line}`].slice(-LOG_LINES_KEPT) };
    case "done":
      return { ...state, phases: finishPhases(state.phases), step: event.step, etaSeconds: null, outcome: event };
  }
}

function seriesFor(trackNames: readonly string[]): MetricSeries[] {
  return ["reward", "accuracy", ...trackNames, "clip", "kl"].map((name) => ({ name, values: [] }));
}

function finishPhases(phases: readonly PhaseState[]): readonly PhaseState[] {
  return phases.some((p) => !p.finished) ? phases.map((p) => ({ ...p, finished: true })) : phases;
}

function appendStep(series: readonly MetricSeries[], m: StepMetrics): MetricSeries[] {
  const value: Record<string, number> = {
    ...m.tracks,
    reward: m.reward_mean,
    accuracy: m.accuracy,
    clip: m.clip_frac_low + m.clip_frac_high,
    kl: m.kl,
  };
  // A track the start event did not announce still gets a line, just before clip and kl (which
  // seriesFor puts last).
  const unannounced = Object.keys(m.tracks)
    .filter((name) => !series.some((s) => s.name === name))
    .map((name) => ({ name, values: [] }));
  const all = [...series.slice(0, -2), ...unannounced, ...series.slice(-2)];
  return all.map((s) => ({ name: s.name, values: [...s.values, value[s.name] ?? Number.NaN].slice(-HISTORY_LENGTH) }));
}

function recordEval(rows: readonly EvalRow[], result: EvalResult): readonly EvalRow[] {
  const { step, data, metric, value, tracks } = result;
  const index = rows.findIndex((r) => r.data === data && r.metric === metric);
  if (index < 0) return [...rows, { step, data, metric, value, previous: null, tracks }];
  return rows.map((r, i) => (i === index ? { step, data, metric, value, previous: r.value, tracks } : r));
}
