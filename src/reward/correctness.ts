import { checkReward } from "../check/program.js";
import type { Value } from "../core/values.js";

let math: Value | undefined;

/**
 * `math` as stdlib/rewards defines it: the correctness every score is compared with, in training,
 * evaluations and audits. Checked once per process (every step asks for it), which also lets the
 * compiled form be reused.
 */
export function correctnessReward(): Value {
  if (math === undefined) {
    const checked = checkReward("math", 'import "stdlib/rewards"\n');
    if (!checked.value) throw new Error("stdlib/rewards does not define 'math'");
    math = checked.value;
  }
  return math;
}
