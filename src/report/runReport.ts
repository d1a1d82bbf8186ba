import { available, unavailable, type Analysis } from "./analysis.js";
import { clipSummary, type ClipSummary } from "./clipping.js";
import { contributions, type Contributions } from "./contributions.js";
import { codeFrequencyOfSamples, evalCurves, trackCurve, trainingCurves, type EvalCurve, type Series, type TrainingCurves } from "./curves.js";
import type { RunLog } from "./runLog.js";
import { CODE_MARKER } from "./strategy.js";
import { strategySwitches, type StrategySwitch } from "./strategySwitch.js";

/** Every analysis of one run, each with the reason it is missing when the run directory cannot give it. */
export interface RunReport {
  /** The run's name, made unique among the reported runs by its directory when two share one. */
  readonly label: string;
  readonly log: RunLog;
  readonly training: Analysis<TrainingCurves>;
  readonly codeFrequency: Analysis<{ readonly series: Series; readonly source: string }>;
  readonly clipping: Analysis<ClipSummary>;
  readonly evals: Analysis<readonly EvalCurve[]>;
  /** One per greedy evaluation (data × metric). */
  readonly switches: Analysis<readonly SwitchReport[]>;
}

export interface SwitchReport {
  readonly data: string;
  readonly metric: string;
  readonly analysis: Analysis<{ readonly strategySwitch: StrategySwitch; readonly contributions: Contributions }>;
}

export function analyseRuns(logs: readonly RunLog[]): RunReport[] {
  const names = logs.map((l) => l.meta.run);
  return logs.map((log) => analyseRun(log, names.filter((n) => n === log.meta.run).length > 1 ? `${log.meta.run} (${log.dir})` : log.meta.run));
}

function analyseRun(log: RunLog, label: string): RunReport {
  const steps = log.metrics.ok && log.metrics.value.length === 0 ? unavailable("metrics.jsonl holds no step yet") : log.metrics;
  const training = steps.ok ? available(trainingCurves(steps.value)) : steps;
  const clip = training.ok ? clipSummary(training.value) : null;
  return {
    label,
    log,
    training,
    codeFrequency: codeFrequency(log, steps),
    clipping: log.clipDisabled
      ? unavailable("the run has no clip term (clip: none), so nothing was clipped")
      : !training.ok
        ? training
        : clip === null
          ? unavailable("metrics.jsonl logs no clip fraction")
          : available(clip),
    evals: !log.evals.ok ? log.evals : log.evals.value.length === 0 ? unavailable("evals.jsonl holds no evaluation yet") : available(evalCurves(log.evals.value)),
    switches: !log.evalSamples.ok
      ? log.evalSamples
      : log.evalSamples.value.length === 0
        ? unavailable("eval_samples.jsonl holds no answer yet")
        : available(
            strategySwitches(log.evalSamples.value).map(({ data, metric, analysis }) => ({
              data,
              metric,
              analysis: analysis.ok ? available({ strategySwitch: analysis.value, contributions: contributions(analysis.value) }) : analysis,
            })),
          ),
  };
}

function codeFrequency(log: RunLog, steps: RunLog["metrics"]): RunReport["codeFrequency"] {
  if (!log.codeFrequency.ok) return log.codeFrequency;
  const source = log.codeFrequency.value;
  if (source.kind === "track") {
    if (!steps.ok) return steps;
    return available({ series: trackCurve(steps.value, source.track), source: `track ${source.track}` });
  }
  if (source.samples.length === 0) return unavailable("samples.jsonl holds no answer yet");
  return available({ series: codeFrequencyOfSamples(source.samples), source: `samples.jsonl (answers containing "${CODE_MARKER}")` });
}
