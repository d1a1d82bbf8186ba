import type { Value } from "../core/values.js";
import { PRIMITIVES } from "./primitives.js";
import { constantTerm, ifTerm, opTerm, refTerm, type Term } from "./terms.js";
import { termText } from "./termText.js";

export interface CompiledReward {
  readonly term: Term;
  /** How many `random` calls the expression has: each draws independently. */
  readonly randomTerms: number;
}

/**
 * Turns a checked reward value into terms. Throws {@link RewardCompileError} for what only the
 * runtime can refuse (a pattern RE2 cannot express); anything else it cannot compile is a bug.
 */
export function compileReward(reward: Value): CompiledReward {
  let randomTerms = 0;
  const compile = (v: Value): Term => {
    const text = termText(v);
    switch (v.kind) {
      case "number":
      case "string":
      case "bool":
        return constantTerm(text, v.value);
      case "ref":
        return refTerm(v.name, compile(v.value));
      case "op":
        return opTerm(text, v.op, v.args.map(compile));
      case "if":
        return ifTerm(text, compile(v.cond), compile(v.then), compile(v.otherwise));
      case "call": {
        const build = PRIMITIVES[v.fn];
        if (!build) throw new Error(`the reward runtime has no primitive '${v.fn}'`);
        return build(v.args, { text, compile, nextRandomTerm: () => randomTerms++ });
      }
      default:
        throw new Error(`a reward cannot contain a ${v.kind} value (${text})`);
    }
  };
  return { term: compile(reward), randomTerms };
}
