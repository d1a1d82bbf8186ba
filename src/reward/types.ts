import type { Scalar } from "../core/operators.js";
import type { Value } from "../core/values.js";

/** One sampled response to score, with what the reward may look at besides its text. */
export interface Sample {
  readonly prompt: string;
  readonly response: string;
  /** The label of the prompt under the experiment's labelling (ground truth by default); null when there is none. */
  readonly label: string | null;
  /**
   * The label under another labelling, for `equals_label(majority_vote(k: 64))` and the like.
   * Without it every labelling reads `label` (what `rlx reward --label X` and the REPL want).
   */
  readonly labelFor?: (labels: Value) => string | null;
  /** The run's seed and the sample's coordinates: what `random(p)` is a function of. */
  readonly seed: number;
  readonly step: number;
  readonly promptIndex: number;
  readonly sampleIndex: number;
}

export interface EvaluateOptions {
  /** Build the explanation tree of every sample (slower; for the CLI, the REPL and audits, not training). */
  readonly explain?: boolean;
  /** How long the grader may spend on one symbolic comparison before it counts as unequal. */
  readonly gradeTimeoutMs?: number;
}

export interface RewardResult {
  readonly value: number;
  readonly explanation?: Explanation;
}

/** What a term evaluates to: predicates are booleans (0/1 as rewards), real rewards numbers, `response`/`label` text. */
export type { Scalar };

/** Why a term has its value: one value per sub-term, with what each primitive saw. */
export interface Explanation {
  /** The sub-term printed in rlx, or the name of a definition. */
  readonly term: string;
  /** For a named definition: its body, printed in rlx. */
  readonly definition?: string;
  readonly value: Scalar;
  readonly children: readonly Explanation[];
  readonly evidence?: Evidence;
}

/** What a primitive looked at: the extracted answer, the substring found, the random draw… in print order. */
export type Evidence = Readonly<Record<string, EvidenceValue>>;
export type EvidenceValue = string | number | boolean | null | readonly string[];
