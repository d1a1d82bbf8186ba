/**
 * What a running experiment reports, in order. The Ink run view and the plain log both render
 * this one stream, so what a terminal shows and what CI logs say cannot drift apart.
 */

/** Metrics of one training step (README.md, "Running experiments"). Also the rows of metrics.jsonl. */
export interface StepMetrics {
  readonly step: number;
  readonly reward_mean: number;
  /** Share of responses whose answer matches the ground truth, whatever the training reward. */
  readonly accuracy: number;
  /** Each `track` expression's mean over the step's responses (a frequency for predicates). */
  readonly tracks: Readonly<Record<string, number>>;
  readonly clip_frac_low: number;
  readonly clip_frac_high: number;
  /** Mean |ρ − 1| over response tokens. */
  readonly ratio_deviation: number;
  readonly kl: number;
  readonly entropy: number;
  /** Mean response length in tokens. */
  readonly response_length: number;
  /** Share of prompt groups whose rewards were all equal (zero advantage). */
  readonly zero_std_share: number;
  /** Global gradient norm before clipping, token-weighted over the step's updates. */
  readonly grad_norm: number;
  readonly lr: number;
  readonly rollout_tokens_per_s: number;
  readonly train_tokens_per_s: number;
  /** Seconds since the run (or its resumption) started. */
  readonly wall_s: number;
}

export interface EvalResult {
  readonly step: number;
  /** The evaluation data as written (`arith(test: 500, seed: 1)`). */
  readonly data: string;
  /** `pass@1`, `avg@8`. */
  readonly metric: string;
  readonly value: number;
  /** The same generations' share containing each tracked behaviour, e.g. code frequency on the test set. */
  readonly tracks: Readonly<Record<string, number>>;
}

/** One sub-term of a reward with its value, as the reward engine explains it. */
export interface ExplanationNode {
  readonly term: string;
  readonly value: number | boolean | string;
  readonly children: readonly ExplanationNode[];
}

export type RunEvent =
  | {
      readonly type: "start";
      readonly run: string;
      readonly file: string;
      readonly backend: string;
      readonly steps: number;
      readonly runDir: string;
      /** The step the run resumes after, when it resumes a checkpoint. */
      readonly resumedFrom: number | null;
      readonly trackNames: readonly string[];
      /** Which of the invocation's runs this is (1-based), when it runs several (a sweep). */
      readonly position: { readonly index: number; readonly total: number } | null;
    }
  /** A stage before training: pretraining, labelling, loading data; `cached` when its result was reused. */
  | { readonly type: "phase"; readonly name: string; readonly cached: boolean }
  /** How far a long stage (pretraining, majority-vote labelling) has come. */
  | { readonly type: "progress"; readonly name: string; readonly done: number; readonly total: number }
  | { readonly type: "step"; readonly metrics: StepMetrics; readonly etaSeconds: number | null }
  | { readonly type: "eval"; readonly results: readonly EvalResult[] }
  | {
      readonly type: "sample";
      readonly step: number;
      readonly prompt: string;
      readonly response: string;
      readonly reward: number;
      readonly explanation: ExplanationNode | null;
    }
  | { readonly type: "checkpoint"; readonly step: number; readonly path: string }
  | { readonly type: "warning"; readonly message: string }
  /** A line of an external engine's own log (verl, OpenRLHF), streamed as it prints it. */
  | { readonly type: "log"; readonly source: string; readonly line: string }
  | {
      readonly type: "done";
      readonly status: "completed" | "interrupted" | "failed";
      readonly step: number;
      readonly runDir: string;
      /** For an interrupted run: the command that continues it. */
      readonly resumeCommand: string | null;
      readonly message: string | null;
    };

export type RunEventListener = (event: RunEvent) => void;
