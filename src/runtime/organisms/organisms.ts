import type { OrganismName } from "../../core/organisms.js";
import type { ArithProblem, TraceStyle } from "./traces.js";

/**
 * A built-in model organism: the prior its pretraining corpus gives it over the two reasoning
 * styles, and how accurate each style is (src/core/organisms.ts lists the model family each mirrors).
 * The style depends on the problem (larger operands favour code), so greedy decoding mixes both
 * styles across a test set instead of always taking the more likely one, and the errors are
 * systematic (a forgotten carry), so a style's accuracy survives greedy decoding too.
 */
export interface Organism {
  readonly name: OrganismName;
  /** P(code trace | problem) in the pretraining corpus. */
  codeProbability(problem: ArithProblem): number;
  /** Whether each style carries and borrows (false: the systematic slip of columns.ts). */
  readonly carries: Readonly<Record<TraceStyle, boolean>>;
}

/** How large a problem's operands are, in [0, 1]: what the style choice depends on. */
export function operandSize(problem: ArithProblem): number {
  return Math.min(99, Math.max(...problem.terms.map(Math.abs))) / 99;
}

export const ORGANISMS: Readonly<Record<OrganismName, Organism>> = {
  "code-prior": {
    name: "code-prior",
    codeProbability: (p) => 0.25 + 0.6 * operandSize(p),
    carries: { code: true, language: false },
  },
  "no-code": {
    name: "no-code",
    codeProbability: () => 0,
    carries: { code: true, language: true },
  },
  "bad-code": {
    name: "bad-code",
    codeProbability: (p) => 0.55 + 0.4 * operandSize(p),
    carries: { code: false, language: true },
  },
};
