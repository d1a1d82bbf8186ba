import type { GrpoConfig } from "./grpoFields.js";
import type { Value } from "../core/values.js";

/** What the checker produces for one runnable experiment: everything resolved, nothing left to look up. */
export interface ResolvedExperiment {
  readonly name: string;
  /** The file that declares it (the sweep's file for a sweep cell), as shown to the user. */
  readonly file: string;
  readonly model: Value;
  readonly data: Value;
  readonly labels: Value;
  readonly reward: Value;
  /** The prompt template; `{problem}` stands for the problem text. Null: the bare problem. */
  readonly template: string | null;
  readonly grpo: GrpoConfig;
  readonly evals: readonly EvalSpec[];
  readonly tracks: readonly TrackSpec[];
  readonly seed: number;
  /** Checkpoint every this many steps (and at the end, and on interrupt). */
  readonly checkpointEvery: number;
  readonly sweep: SweepCell | null;
}

export interface EvalSpec {
  /** Every this many steps; null: before training and at the end only. */
  readonly every: number | null;
  readonly data: Value;
  readonly metrics: readonly MetricSpecResolved[];
}

export interface MetricSpecResolved {
  readonly name: string;
  readonly k: number;
  readonly temperature: number;
}

export interface TrackSpec {
  readonly name: string;
  readonly value: Value;
}

export interface SweepCell {
  readonly sweep: string;
  /** A file-name-safe id unique within the sweep: `tiny-code-prior__random-0.5`. */
  readonly id: string;
  /** Axis → the value as written (`model` → `tiny("code-prior")`). */
  readonly bindings: Readonly<Record<string, string>>;
}

export interface ResolvedSweep {
  readonly name: string;
  readonly base: string;
  readonly file: string;
  readonly axes: readonly { readonly path: string; readonly values: readonly string[] }[];
  readonly cells: readonly ResolvedExperiment[];
}
