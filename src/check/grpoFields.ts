/**
 * The fields of a `grpo { … }` block: type, range and default. The defaults suit the built-in
 * model on a laptop; stdlib/grpo.rlx has the study's own settings as the `paper` preset.
 * Every consumer (runtime, exporters) reads fields from here, so a new field cannot be missed.
 */
export type GrpoFieldKind = "number" | "int" | "bool" | "enum";

export interface GrpoFieldSpec {
  readonly name: string;
  readonly kind: GrpoFieldKind;
  /** `none` is allowed (e.g. `clip_high: none` disables that side of the clip). */
  readonly noneAllowed?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly choices?: readonly string[];
  readonly default: number | boolean | string | null;
  readonly doc: string;
}

export const LOSS_AGGREGATIONS = ["token_mean", "seq_mean_token_mean", "seq_mean_token_sum"] as const;
export const LR_SCHEDULES = ["constant", "cosine", "linear"] as const;

export const GRPO_FIELDS: readonly GrpoFieldSpec[] = [
  { name: "steps", kind: "int", min: 1, default: 100, doc: "rollout steps (one rollout batch each)" },
  { name: "prompts_per_step", kind: "int", min: 1, default: 16, doc: "prompts sampled per step" },
  { name: "group_size", kind: "int", min: 2, default: 8, doc: "responses sampled per prompt (G)" },
  { name: "mini_batch_size", kind: "int", min: 1, default: 32, doc: "responses per optimizer update; fewer than a step's responses gives several updates per rollout batch, where π_θ ≠ π_old and clipping acts" },
  { name: "epochs", kind: "int", min: 1, default: 1, doc: "passes over each rollout batch" },
  { name: "lr", kind: "number", min: 0, minExclusive: true, default: 1e-4, doc: "Adam learning rate" },
  { name: "lr_schedule", kind: "enum", choices: LR_SCHEDULES, default: "constant", doc: "learning-rate schedule over the steps" },
  { name: "warmup_steps", kind: "int", min: 0, default: 0, doc: "linear warm-up steps" },
  { name: "adam_beta1", kind: "number", min: 0, max: 1, maxExclusive: true, default: 0.9, doc: "Adam β1" },
  { name: "adam_beta2", kind: "number", min: 0, max: 1, maxExclusive: true, default: 0.999, doc: "Adam β2" },
  { name: "weight_decay", kind: "number", min: 0, default: 0, doc: "decoupled weight decay" },
  { name: "grad_clip", kind: "number", min: 0, minExclusive: true, noneAllowed: true, default: 1, doc: "gradient-norm clip; none disables it" },
  { name: "clip_low", kind: "number", min: 0, max: 1, maxExclusive: true, noneAllowed: true, default: 0.2, doc: "ε_low: the ratio is clipped below at 1 − ε_low; none disables that side" },
  { name: "clip_high", kind: "number", min: 0, noneAllowed: true, default: 0.2, doc: "ε_high: the ratio is clipped above at 1 + ε_high; none disables that side" },
  { name: "kl_coef", kind: "number", min: 0, default: 0, doc: "β: weight of KL(π_θ‖π_ref) in the loss" },
  { name: "entropy_coef", kind: "number", min: 0, default: 0, doc: "entropy bonus weight" },
  { name: "temperature", kind: "number", min: 0, minExclusive: true, default: 1, doc: "rollout sampling temperature" },
  { name: "top_p", kind: "number", min: 0, max: 1, minExclusive: true, default: 1, doc: "nucleus sampling mass" },
  { name: "max_prompt_length", kind: "int", min: 1, default: 128, doc: "prompt length limit in tokens" },
  { name: "max_response_length", kind: "int", min: 1, default: 96, doc: "response length limit in tokens" },
  { name: "loss_agg", kind: "enum", choices: LOSS_AGGREGATIONS, default: "token_mean", doc: "how per-token losses are averaged" },
  { name: "std_norm", kind: "bool", default: true, doc: "divide group advantages by the group's standard deviation" },
  { name: "whiten_advantages", kind: "bool", default: false, doc: "whiten advantages again over all tokens of the step (the study's code does)" },
  { name: "adv_eps", kind: "number", min: 0, minExclusive: true, default: 1e-6, doc: "ε in (r − mean)/(std + ε)" },
];

/** `clip: x` sets both `clip_low` and `clip_high`; `clip: none` is the paper's unclipped ablation. */
export const CLIP_SHORTHAND = "clip";

export const GRPO_FIELD_BY_NAME: ReadonlyMap<string, GrpoFieldSpec> = new Map(GRPO_FIELDS.map((f) => [f.name, f]));

/** A fully resolved GRPO configuration: every field present. */
export type GrpoConfig = Record<string, number | boolean | string | null>;

export function defaultGrpoConfig(): GrpoConfig {
  return Object.fromEntries(GRPO_FIELDS.map((f) => [f.name, f.default]));
}
