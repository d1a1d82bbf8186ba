/** The answer tree shared by the parser, the evaluator and the comparator. */
import type { Rational } from "./rational.js";

export type Node =
  /** A numeric literal; `exact` is its exact value, `decimal` whether it was written with a point or an exponent. */
  | { readonly k: "num"; readonly text: string; readonly exact: Rational | null; readonly decimal: boolean }
  /** A free variable (x, y_1, \alpha). */
  | { readonly k: "sym"; readonly name: string }
  /** A named constant: pi, e or infinity. */
  | { readonly k: "const"; readonly name: "pi" | "e" | "inf" }
  | { readonly k: "add"; readonly xs: readonly Node[] }
  | { readonly k: "neg"; readonly x: Node }
  | { readonly k: "mul"; readonly xs: readonly Node[] }
  | { readonly k: "div"; readonly a: Node; readonly b: Node }
  | { readonly k: "pow"; readonly a: Node; readonly b: Node }
  /** A function application: sqrt, root (index, radicand), sin, log (base, x), abs, floor, fact, binom, ... */
  | { readonly k: "fn"; readonly name: string; readonly xs: readonly Node[] }
  /** a ± b (a is null for a bare ±b); expanded into two answers before comparison. */
  | { readonly k: "pm"; readonly a: Node | null; readonly b: Node; readonly sign: "pm" | "mp" }
  /** A bracketed sequence with at least two items: a tuple, a point, or an interval. */
  | { readonly k: "tuple"; readonly open: "(" | "["; readonly close: ")" | "]"; readonly xs: readonly Node[] }
  | { readonly k: "set"; readonly xs: readonly Node[] }
  /** A bare comma-separated list: the answer "1, 2" (compared unordered). */
  | { readonly k: "list"; readonly xs: readonly Node[] }
  | { readonly k: "matrix"; readonly rows: readonly (readonly Node[])[] }
  | { readonly k: "union"; readonly xs: readonly Node[] }
  /** A relation chain x0 op0 x1 op1 x2 ... with ops among = < > <= >= != in. */
  | { readonly k: "rel"; readonly ops: readonly RelOp[]; readonly xs: readonly Node[] }
  /** A word answer ("Devon", "no solution"), compared case-insensitively. */
  | { readonly k: "text"; readonly text: string };

export type RelOp = "=" | "<" | ">" | "<=" | ">=" | "!=" | "in";

/** Structural kinds never take part in arithmetic. */
export function isScalar(n: Node): boolean {
  switch (n.k) {
    case "tuple":
    case "set":
    case "list":
    case "matrix":
    case "union":
    case "rel":
    case "text":
      return false;
    default:
      return true;
  }
}
