import { evaluateRewards } from "../reward/evaluate.js";
import { DEFAULT_IMPORTS, prepareReward } from "../scoring/session.js";
import type { Sample } from "../reward/types.js";
import { GROUP, synthesize } from "./math.js";

export interface RewardThroughput {
  readonly name: string;
  readonly responsesPerSecond: number;
}

const RESPONSES = 10_000;
const BENCHED = ["math", 'box_only_format & !contains("python")'];

/**
 * Rewards scored per second on one core, each over 10,000 synthetic Qwen2.5-Math-like responses
 * (see math.ts) in one batch. A warm-up pass on a different set first, so the JIT is warm but the grader's
 * answer cache has not seen the timed responses.
 */
export function benchRewards(): RewardThroughput[] {
  const warmup = rewardSamples(RESPONSES / 10, 2);
  const timed = rewardSamples(RESPONSES, 1);
  return BENCHED.map((expression) => {
    const prepared = prepareReward(expression, { imports: DEFAULT_IMPORTS, definitions: [] });
    if (!prepared.ok) throw new Error(`benchmark reward '${expression}' does not check`);
    evaluateRewards(prepared.value, warmup);
    const t0 = performance.now();
    evaluateRewards(prepared.value, timed);
    const seconds = (performance.now() - t0) / 1000;
    return { name: expression, responsesPerSecond: Math.round(RESPONSES / seconds) };
  });
}

/** The math benchmark's Qwen2.5-Math-like responses, in groups of 8 per prompt as in a rollout. */
function rewardSamples(count: number, seed: number): Sample[] {
  return synthesize(count, seed).map((s, i) => ({
    prompt: "",
    response: s.response,
    label: s.gold,
    seed: 0,
    step: 0,
    promptIndex: Math.floor(i / GROUP),
    sampleIndex: i % GROUP,
  }));
}
