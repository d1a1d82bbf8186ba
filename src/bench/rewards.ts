import { evaluateRewards } from "../reward/evaluate.js";
import { DEFAULT_IMPORTS, prepareReward } from "../scoring/session.js";
import type { Sample } from "../reward/types.js";
import { GROUP, synthesize } from "./math.js";

export interface RewardThroughput {
  readonly name: string;
  readonly responsesPerSecond: number;
  /** The rate the reward must reach (README, Benchmarks), if it has one. */
  readonly targetPerSecond: number | null;
}

const RESPONSES = 10_000;
const BENCHED: readonly (readonly [expression: string, targetPerSecond: number | null])[] = [
  ["math", 5000],
  ['box_only_format & !contains("python")', null],
];

/**
 * Rewards scored per second on one core, each over 10,000 synthetic Qwen2.5-Math-like responses
 * (see math.ts) in one batch. A warm-up pass on a different set first, so the JIT is warm but the grader's
 * answer cache has not seen the timed responses.
 */
export function benchRewards(): RewardThroughput[] {
  const warmup = rewardSamples(RESPONSES / 10, 2);
  const timed = rewardSamples(RESPONSES, 1);
  return BENCHED.map(([expression, targetPerSecond]) => {
    const reward = checkedReward(expression);
    evaluateRewards(reward, warmup);
    const t0 = performance.now();
    evaluateRewards(reward, timed);
    const seconds = (performance.now() - t0) / 1000;
    return { name: expression, responsesPerSecond: Math.round(RESPONSES / seconds), targetPerSecond };
  });
}

/** A reward expression checked in the default session (the standard library's rewards), ready for evaluateRewards. */
export function checkedReward(expression: string) {
  const prepared = prepareReward(expression, { imports: DEFAULT_IMPORTS, definitions: [] });
  if (!prepared.ok) throw new Error(`benchmark reward '${expression}' does not check`);
  return prepared.value;
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
