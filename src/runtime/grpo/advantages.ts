/**
 * Group-relative advantages, as GRPO defines them: each response's reward against the other
 * responses to the same prompt. Plain numbers, not tensors: a step has at most a few thousand.
 */
export interface AdvantageOptions {
  /** Divide by the group's standard deviation (the paper does); off: r − mean only. */
  readonly stdNorm: boolean;
  /** ε in (r − mean) / (std + ε). */
  readonly eps: number;
}

export interface GroupAdvantages {
  /** One advantage per response, in the order of `rewards`. */
  readonly advantages: Float64Array;
  /** Groups whose rewards are all equal: their advantages are all zero, so they teach nothing. */
  readonly zeroStdGroups: number;
  readonly groups: number;
}

/**
 * `rewards` holds the responses group by group (G consecutive responses per prompt).
 * std is the sample standard deviation of the group (n − 1), as torch.std computes it in verl's
 * and OpenRLHF's GRPO.
 */
export function groupAdvantages(rewards: ArrayLike<number>, groupSize: number, options: AdvantageOptions): GroupAdvantages {
  if (groupSize < 2 || rewards.length % groupSize !== 0) {
    throw new Error(`internal: ${rewards.length} rewards do not split into groups of ${groupSize}`);
  }
  const advantages = new Float64Array(rewards.length);
  const groups = rewards.length / groupSize;
  let zeroStdGroups = 0;
  for (let g = 0; g < groups; g++) {
    const start = g * groupSize;
    let mean = 0;
    for (let i = 0; i < groupSize; i++) mean += rewards[start + i]!;
    mean /= groupSize;
    let variance = 0;
    for (let i = 0; i < groupSize; i++) variance += (rewards[start + i]! - mean) ** 2;
    const std = Math.sqrt(variance / (groupSize - 1));
    if (std === 0) zeroStdGroups++;
    for (let i = 0; i < groupSize; i++) {
      const centred = rewards[start + i]! - mean;
      advantages[start + i] = options.stdNorm ? centred / (std + options.eps) : centred;
    }
  }
  return { advantages, zeroStdGroups, groups };
}

/**
 * The study's code whitens advantages once more over every token of the step: each response's
 * advantage counts once per token it has. Returns the whitened per-response advantages.
 */
export function whitenOverTokens(advantages: ArrayLike<number>, tokenCounts: ArrayLike<number>, eps = 1e-8): Float64Array {
  let tokens = 0;
  let sum = 0;
  for (let i = 0; i < advantages.length; i++) {
    tokens += tokenCounts[i]!;
    sum += advantages[i]! * tokenCounts[i]!;
  }
  const out = new Float64Array(advantages.length);
  if (tokens === 0) return out;
  const mean = sum / tokens;
  let variance = 0;
  for (let i = 0; i < advantages.length; i++) variance += tokenCounts[i]! * (advantages[i]! - mean) ** 2;
  const std = Math.sqrt(variance / tokens);
  for (let i = 0; i < advantages.length; i++) out[i] = (advantages[i]! - mean) / (std + eps);
  return out;
}
