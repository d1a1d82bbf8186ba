import type { Value } from "../core/values.js";
import { compileReward, type CompiledReward } from "./compile.js";
import { SampleContext } from "./sampleContext.js";
import type { EvaluateOptions, RewardResult, Sample } from "./types.js";

const compiled = new WeakMap<Value, CompiledReward>();

/** The compiled form of a checked reward, compiled once per value (training scores the same value every step). */
export function compiledReward(reward: Value): CompiledReward {
  let c = compiled.get(reward);
  if (!c) compiled.set(reward, (c = compileReward(reward)));
  return c;
}

/**
 * Scores a batch (typically a rollout group, or a whole step) with a checked reward. Pure: the
 * same samples give the same values however the batch is split. Per-sample work several
 * sub-terms share (answer extraction, grading) is done once per sample.
 * Throws RewardCompileError when the reward cannot run (see compileReward).
 */
export function evaluateRewards(reward: Value, samples: readonly Sample[], options: EvaluateOptions = {}): RewardResult[] {
  const { term } = compiledReward(reward);
  return samples.map((sample) => {
    const s = new SampleContext(sample, options.gradeTimeoutMs);
    if (!options.explain) return { value: Number(term.evaluate(s)) };
    const explanation = term.explain(s);
    return { value: Number(explanation.value), explanation };
  });
}
