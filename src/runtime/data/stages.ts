import type { Value } from "../../core/values.js";
import { shuffled, unitFromInts } from "../../util/prng.js";
import { evaluateRowExpr } from "./rowExpr.js";
import type { Row } from "./rows.js";

/** The pipeline stages of the language, as graph nodes carry them: a kind and its parameters. */
export type Stage =
  | { readonly kind: "filter"; readonly condition: Value }
  | { readonly kind: "shuffle"; readonly seed: number }
  | { readonly kind: "take" | "skip"; readonly n: number }
  | { readonly kind: "sample"; readonly n: number; readonly seed: number }
  | { readonly kind: "split"; readonly part: "train" | "test"; readonly fraction: number; readonly seed: number };

export function applyStage(stage: Stage, rows: readonly Row[]): Row[] {
  switch (stage.kind) {
    case "filter":
      return rows.filter((row) => Boolean(evaluateRowExpr(stage.condition, row)));
    case "shuffle":
      return shuffled(rows, stage.seed);
    case "take":
      return rows.slice(0, stage.n);
    case "skip":
      return rows.slice(stage.n);
    case "sample":
      return shuffled(rows, stage.seed).slice(0, stage.n);
    case "split":
      return split(rows, stage.part, stage.fraction, stage.seed);
  }
}

/**
 * Each row draws u from (seed, its source index): the train part keeps u < fraction, the test
 * part u ≥ 1 − fraction. With one seed the two parts never overlap, in any order of the rows.
 */
function split(rows: readonly Row[], part: "train" | "test", fraction: number, seed: number): Row[] {
  return rows.filter((row) => {
    const u = unitFromInts(seed, row.index);
    return part === "train" ? u < fraction : u >= 1 - fraction;
  });
}
