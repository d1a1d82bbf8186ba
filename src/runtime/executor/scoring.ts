import type { Value } from "../../core/values.js";
import { labelingKey } from "../../graph/build.js";
import { correctnessReward } from "../../reward/correctness.js";
import { evaluateRewards } from "../../reward/evaluate.js";
import type { Sample } from "../../reward/types.js";
import { promptOf, type Rollout } from "../grpo/rollout.js";
import type { Labels } from "./nodes/labels.js";
import type { RunPlan } from "./plan.js";

/** A rollout batch scored: per response, in the batch's order. */
export interface ScoredRollout {
  readonly samples: readonly Sample[];
  /** The training reward. */
  readonly rewards: readonly number[];
  /** 1 when `math` finds the answer equal to the ground truth, whatever the training reward. */
  readonly correct: readonly number[];
  /** Each tracked expression's value. */
  readonly tracks: Readonly<Record<string, readonly number[]>>;
  /** Response lengths in tokens. */
  readonly lengths: readonly number[];
}

export interface ScoringContext {
  readonly plan: RunPlan;
  /** Port ("labels", "labels_1", …) → labelling. */
  readonly labels: Readonly<Record<string, Labels>>;
  readonly truth: Labels;
  readonly seed: number;
}

/** Scores every response of a step: its reward (seeded by run seed, step, prompt, sample), correctness and tracks. */
export function scoreRollout(batch: Rollout, step: number, ctx: ScoringContext): ScoredRollout {
  const samples = batch.responses.map((response, i): Sample => {
    const { row, text } = promptOf(batch, i);
    return {
      prompt: text,
      response: response.text,
      label: ctx.labels["labels"]!.get(row.index) ?? null,
      labelFor: (labels: Value) => labelling(ctx, labels).get(row.index) ?? null,
      seed: ctx.seed,
      step,
      promptIndex: row.index,
      sampleIndex: i % batch.groupSize,
    };
  });
  const values = (expression: Value, of: readonly Sample[] = samples) => evaluateRewards(expression, of).map((r) => r.value);
  return {
    samples,
    rewards: values(ctx.plan.reward.expression),
    correct: values(correctnessReward(), samples.map((s) => ({ ...s, label: ctx.truth.get(s.promptIndex) ?? null }))),
    tracks: Object.fromEntries(ctx.plan.tracks.map((t) => [t.name, values(t.expression)])),
    lengths: batch.responses.map((g) => g.tokens.length),
  };
}

/** The labelling an `equals_label(labels)` in the reward names: the graph gave each its own input port. */
function labelling(ctx: ScoringContext, labels: Value): Labels {
  const port = ctx.plan.reward.labelPorts[labelingKey(labels)];
  const found = port === undefined ? undefined : ctx.labels[port];
  if (!found) throw new Error(`internal: the graph has no input for the labelling ${labelingKey(labels).slice(0, 12)}`);
  return found;
}
