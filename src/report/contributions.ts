import type { StrategySwitch, SwitchKind } from "./strategySwitch.js";

/** The formulas, as the report prints them. */
export const CONTRIBUTION_DEFINITION: readonly string[] = [
  "contribution(d) = (correct_after(d) − correct_before(d)) / N, with N the matched test problems (in accuracy: 0.1 is 10 points)",
  "total change = Σ_d contribution(d) = accuracy after − accuracy before on the N problems",
  "partial contribution score(d) = contribution(d) / total change (n/a when the total change is 0)",
];

export interface SubsetContribution {
  readonly kind: SwitchKind;
  /** (correct_after − correct_before) / N. */
  readonly contribution: number;
  /** contribution / total change; null when the total change is 0. */
  readonly score: number | null;
}

export interface Contributions {
  readonly subsets: readonly SubsetContribution[];
  /** Σ contributions: accuracy after − accuracy before over the N matched problems. */
  readonly totalChange: number;
}

/** How much of the change in test accuracy each strategy-switch subset accounts for (the study's partial contribution score). */
export function contributions(s: StrategySwitch): Contributions {
  // Counts stay integers until the last division, so a total change of zero is exactly 0, never a rounding residue.
  const gained = s.subsets.map((d) => d.correctAfter - d.correctBefore);
  const totalGained = gained.reduce((a, b) => a + b, 0);
  return {
    subsets: s.subsets.map((d, i) => ({ kind: d.kind, contribution: gained[i]! / s.problems, score: totalGained === 0 ? null : gained[i]! / totalGained })),
    totalChange: totalGained / s.problems,
  };
}
