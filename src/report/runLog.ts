import type { Analysis } from "./analysis.js";
import type { EvalSampleRecord } from "../runtime/executor/evaluation.js";
import type { EvalResult } from "../runtime/executor/events.js";

/**
 * What `rlx report` reads from one run directory (README "Running experiments"). Every log is an
 * Analysis: the file's rows, or why they could not be read, so one missing file costs only the
 * analyses that need it.
 */
export interface RunLog {
  readonly dir: string;
  /** meta.json: the run's name and where it came from; a verl run records no seed, steps or backend. */
  readonly meta: RunMeta;
  /** summary.json's status (completed, interrupted, failed); null when the run has not ended. */
  readonly status: string | null;
  /** Why the run failed, when summary.json says (a malformed data row, too few usable prompts). */
  readonly failure: string | null;
  /** config.json's reward expression, as the run resolved it. */
  readonly reward: string | null;
  /** Whether config.json says the run had no clip term (`clip: none`), so nothing could be clipped. */
  readonly clipDisabled: boolean;
  readonly metrics: Analysis<readonly StepRow[]>;
  readonly evals: Analysis<readonly EvalResult[]>;
  /** Every greedy evaluation answer, per problem: what the strategy switch compares. */
  readonly evalSamples: Analysis<readonly EvalSampleRecord[]>;
  /** Training code frequency per step: a tracked `contains("python")`, else counted in samples.jsonl. */
  readonly codeFrequency: Analysis<CodeFrequencySource>;
  /** What was read with a caveat: a torn last line left by a killed run, a file that is missing. */
  readonly notes: readonly string[];
}

export interface RunMeta {
  readonly run: string;
  readonly file: string | null;
  readonly seed: number | null;
  readonly steps: number | null;
  readonly backend: string | null;
}

/** One line of metrics.jsonl. Fields another engine does not log are absent and plot as gaps. */
export interface StepRow {
  readonly step: number;
  readonly reward_mean?: number;
  readonly accuracy?: number;
  readonly tracks?: Readonly<Record<string, number>>;
  readonly clip_frac_low?: number;
  readonly clip_frac_high?: number;
}

/** One training answer of samples.jsonl, as far as code frequency needs it. */
export interface SampleRow {
  readonly step: number;
  readonly response: string;
}

export type CodeFrequencySource =
  | { readonly kind: "track"; readonly track: string }
  | { readonly kind: "samples"; readonly samples: readonly SampleRow[] };
