/**
 * Equivalence of two shaped answers. Numbers are compared exactly when both
 * are exact (integers, fractions), with a relative tolerance when either is an
 * approximation or irrational; expressions with variables are compared by
 * evaluating both at fixed pseudo-random points; structures element by
 * element, in order for tuples, intervals and matrices, in any order for sets
 * and bare lists.
 */
import type { Node } from "./ast.js";
import { isScalar } from "./ast.js";
import { evalFloat, exactValue, freeVars, hasDecimal, hasInfinity } from "./evaluate.js";
import * as Q from "./rational.js";

export interface Comparison {
  equal: boolean;
  /** "numeric" for constants, "symbolic" when variables are involved, "structure" for compound answers. */
  how: "numeric" | "symbolic" | "structure";
  reason: string;
  /** The cheap methods could not decide (every sample point undefined, an imaginary unit, ...): ask the CAS. */
  undecided?: boolean;
}

/** Relative tolerance for approximate values: 0.3333333 equals 1/3, 0.333 does not. */
export const RELATIVE_TOLERANCE = 1e-6;
/** Absolute floor, so that sin(pi) (1.2e-16) equals 0. */
const ABSOLUTE_TOLERANCE = 1e-9;
const MAX_ITEMS = 40;

/** Sample values for free variables: irrational-looking, of both signs, away from 0 and ±1. */
const SAMPLES = [0.5772, -1.3247, 2.2361, 0.8813, -0.4142, 1.618, -2.7183, 1.4142, 0.3183, -0.6931, 3.1623, 1.202];
const POINTS = 8;

export function compareNodes(a: Node, b: Node): Comparison {
  if (isScalar(a) && isScalar(b)) return compareScalars(a, b);
  return compareStructures(a, b);
}

export function compareScalars(a: Node, b: Node): Comparison {
  const vars = freeVars(a);
  freeVars(b, vars);
  if (vars.size === 0) return compareConstants(a, b);
  return compareBySampling(a, b, [...vars].sort());
}

function compareConstants(a: Node, b: Node): Comparison {
  const ea = exactValue(a);
  const eb = ea && exactValue(b);
  if (ea && eb) {
    if (Q.eq(ea, eb)) return { equal: true, how: "numeric", reason: `both are exactly ${Q.toString(ea)}` };
    // Two exact values (no decimal point anywhere) are equal only if they are identical.
    if (!hasDecimal(a) && !hasDecimal(b)) {
      return { equal: false, how: "numeric", reason: `exact values differ: ${Q.toString(ea)} vs ${Q.toString(eb)}` };
    }
  }
  const fa = evalFloat(a, EMPTY);
  const fb = evalFloat(b, EMPTY);
  if (Number.isNaN(fa) || Number.isNaN(fb)) {
    return { equal: false, how: "numeric", reason: "a value could not be evaluated", undecided: true };
  }
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) {
    // Infinity is a value only when written as \infty; a float overflow (10^{400}) decides nothing.
    if (fa === fb && hasInfinity(a) && hasInfinity(b)) return { equal: true, how: "numeric", reason: "both are the same infinity" };
    if (hasInfinity(a) || hasInfinity(b)) return { equal: false, how: "numeric", reason: `${fmt(fa)} vs ${fmt(fb)}` };
    return { equal: false, how: "numeric", reason: "a value overflows double precision", undecided: true };
  }
  if (close(fa, fb)) {
    return { equal: true, how: "numeric", reason: `values agree within ${RELATIVE_TOLERANCE} relative: ${fmt(fa)} and ${fmt(fb)}` };
  }
  return { equal: false, how: "numeric", reason: `values differ: ${fmt(fa)} vs ${fmt(fb)}` };
}

const EMPTY: ReadonlyMap<string, number> = new Map();

function close(x: number, y: number): boolean {
  const d = Math.abs(x - y);
  return d <= ABSOLUTE_TOLERANCE || d <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(8);
}

/** Environment for sample point p: each variable gets a different sample value. */
function env(vars: readonly string[], p: number): Map<string, number> {
  const m = new Map<string, number>();
  vars.forEach((v, j) => m.set(v, SAMPLES[(p * 5 + j * 7 + p * j) % SAMPLES.length]!));
  return m;
}

function compareBySampling(a: Node, b: Node, vars: readonly string[]): Comparison {
  let valid = 0;
  for (let p = 0; p < POINTS; p++) {
    const e = env(vars, p);
    const fa = evalFloat(a, e);
    const fb = evalFloat(b, e);
    const okA = Number.isFinite(fa);
    const okB = Number.isFinite(fb);
    // A point outside one side's domain proves nothing: \sqrt{x}\sqrt{x} is x where it is defined.
    if (!okA || !okB) continue;
    if (!closeSample(fa, fb)) {
      return {
        equal: false,
        how: "symbolic",
        reason: `they differ at ${describe(e)}: ${fmt(fa)} vs ${fmt(fb)}`,
        // With an "i" the answer is probably complex, which the sampler reads as a real variable.
        undecided: vars.includes("i"),
      };
    }
    valid++;
  }
  if (valid < 3) return { equal: false, how: "symbolic", reason: "the expressions are undefined at the sample points", undecided: true };
  return { equal: true, how: "symbolic", reason: `identical at ${valid} sample points of ${vars.join(", ")}` };
}

/** Sampling evaluates longer expressions, so allow a little more rounding than for plain values. */
function closeSample(x: number, y: number): boolean {
  const d = Math.abs(x - y);
  return d <= 1e-8 || d <= 1e-7 * Math.max(Math.abs(x), Math.abs(y));
}

function describe(e: Map<string, number>): string {
  return [...e].map(([k, v]) => `${k}=${v}`).join(", ");
}

function compareStructures(a: Node, b: Node): Comparison {
  const verdict = structural(a, b);
  return { ...verdict, how: "structure" };
}

function structural(a: Node, b: Node): Omit<Comparison, "how"> {
  // A one-element set {3} against 3: the value is what counts.
  if (a.k === "set" && a.xs.length === 1 && isScalar(b)) return compareNodes(a.xs[0]!, b);
  if (b.k === "set" && b.xs.length === 1 && isScalar(a)) return compareNodes(a, b.xs[0]!);
  if (a.k === "list" || a.k === "set" || b.k === "list" || b.k === "set") return collections(a, b);
  if (a.k === "tuple" && b.k === "tuple") {
    if (a.xs.length !== b.xs.length) return no(`tuples of different lengths (${a.xs.length} vs ${b.xs.length})`);
    if (a.open !== b.open || a.close !== b.close) {
      return no(`different brackets: ${a.open}…${a.close} vs ${b.open}…${b.close}`);
    }
    return inOrder(a.xs, b.xs, "tuple");
  }
  if (a.k === "matrix" || b.k === "matrix") return matrices(a, b);
  if (a.k === "union" && b.k === "union") return unordered(a.xs, b.xs, "union", false);
  if (a.k === "rel" && b.k === "rel") return relations(a, b);
  return no(`different kinds of answer (${kindName(a)} vs ${kindName(b)})`);
}

function no(reason: string): Omit<Comparison, "how"> {
  return { equal: false, reason };
}

function kindName(n: Node): string {
  if (isScalar(n)) return "value";
  if (n.k === "tuple") return n.open === "(" && n.close === ")" ? "tuple" : "interval";
  if (n.k === "rel") return "relation";
  return n.k;
}

function inOrder(xs: readonly Node[], ys: readonly Node[], what: string): Omit<Comparison, "how"> {
  for (let i = 0; i < xs.length; i++) {
    const c = compareNodes(xs[i]!, ys[i]!);
    if (!c.equal) return { equal: false, reason: `${what} item ${i + 1} differs: ${c.reason}`, undecided: c.undecided };
  }
  return { equal: true, reason: `every ${what} item matches in order` };
}

/**
 * Bare lists and sets compare in any order ("1, 2" equals "2, 1" and \{2, 1\}). A bare
 * list against a tuple compares in order: "1, 2" is the pair (1, 2) without its brackets.
 */
function collections(a: Node, b: Node): Omit<Comparison, "how"> {
  const items = (n: Node): readonly Node[] | null => (n.k === "list" || n.k === "set" ? n.xs : null);
  if (a.k === "list" && b.k === "tuple" && b.open === "(" && b.close === ")") return ordered(a.xs, b.xs);
  if (b.k === "list" && a.k === "tuple" && a.open === "(" && a.close === ")") return ordered(a.xs, b.xs);
  const xs = items(a);
  const ys = items(b);
  if (!xs || !ys) return no(`different kinds of answer (${kindName(a)} vs ${kindName(b)})`);
  const asSets = a.k === "set" || b.k === "set";
  return unordered(xs, ys, asSets ? "set" : "list", asSets);
}

function ordered(xs: readonly Node[], ys: readonly Node[]): Omit<Comparison, "how"> {
  if (xs.length !== ys.length) return no(`${xs.length} items vs ${ys.length}`);
  return inOrder(xs, ys, "tuple");
}

/** Unordered match: a perfect matching of equal items (multisets), or mutual cover (sets). */
function unordered(xs: readonly Node[], ys: readonly Node[], what: string, setSemantics: boolean): Omit<Comparison, "how"> {
  if (xs.length > MAX_ITEMS || ys.length > MAX_ITEMS) return { equal: false, reason: `too many ${what} items to match`, undecided: true };
  if (!setSemantics && xs.length !== ys.length) return no(`${what}s of different sizes (${xs.length} vs ${ys.length})`);
  const eq: boolean[][] = xs.map((x) => ys.map((y) => compareNodes(x, y).equal));
  if (setSemantics) {
    const i = eq.findIndex((row) => !row.some(Boolean));
    if (i >= 0) return no(`${what} item ${i + 1} of the prediction has no match`);
    const j = ys.findIndex((_, c) => !eq.some((row) => row[c]));
    if (j >= 0) return no(`${what} item ${j + 1} of the gold answer is missing`);
    return { equal: true, reason: `the ${what}s have the same elements` };
  }
  // Bipartite matching (Kuhn), so "1, 1, 2" is not equal to "1, 2, 2".
  const matchOfY: number[] = ys.map(() => -1);
  const tryItem = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < ys.length; j++) {
      if (!eq[i]![j] || seen[j]) continue;
      seen[j] = true;
      if (matchOfY[j] === -1 || tryItem(matchOfY[j]!, seen)) {
        matchOfY[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < xs.length; i++) {
    if (!tryItem(i, ys.map(() => false))) return no(`${what} item ${i + 1} of the prediction has no match`);
  }
  return { equal: true, reason: `the ${what}s have the same items in some order` };
}

function matrices(a: Node, b: Node): Omit<Comparison, "how"> {
  const cells = (n: Node): { rows: number; cols: number; xs: readonly Node[] } | null => {
    if (n.k === "matrix") return { rows: n.rows.length, cols: n.rows[0]!.length, xs: n.rows.flat() };
    if (n.k === "tuple" && n.open === "(" && n.close === ")") return { rows: n.xs.length, cols: 1, xs: n.xs };
    return null;
  };
  const ca = cells(a);
  const cb = cells(b);
  if (!ca || !cb) return no(`different kinds of answer (${kindName(a)} vs ${kindName(b)})`);
  // A vector may be written as a row, a column or a tuple: only its entries matter.
  const vector = (c: { rows: number; cols: number }) => c.rows === 1 || c.cols === 1;
  const sameShape = (ca.rows === cb.rows && ca.cols === cb.cols) || (vector(ca) && vector(cb) && ca.xs.length === cb.xs.length);
  if (!sameShape) return no(`matrices of different shapes (${ca.rows}x${ca.cols} vs ${cb.rows}x${cb.cols})`);
  return inOrder(ca.xs, cb.xs, "matrix entry");
}

/** Equations are equal when (lhs − rhs) of one is a non-zero multiple of the other's. */
function relations(a: Extract<Node, { k: "rel" }>, b: Extract<Node, { k: "rel" }>): Omit<Comparison, "how"> {
  if (a.ops.length === 1 && b.ops.length === 1 && a.ops[0] === "=" && b.ops[0] === "=") {
    const da: Node = { k: "add", xs: [a.xs[0]!, { k: "neg", x: a.xs[1]! }] };
    const db: Node = { k: "add", xs: [b.xs[0]!, { k: "neg", x: b.xs[1]! }] };
    return proportional(da, db);
  }
  if (a.ops.length !== b.ops.length || a.ops.some((o, i) => o !== b.ops[i])) return no("different relations");
  return inOrder(a.xs, b.xs, "relation side");
}

function proportional(a: Node, b: Node): Omit<Comparison, "how"> {
  const vars = [...freeVars(b, freeVars(a))].sort();
  let ratio: number | null = null;
  let valid = 0;
  for (let p = 0; p < POINTS; p++) {
    const e = env(vars, p);
    const fa = evalFloat(a, e);
    const fb = evalFloat(b, e);
    if (!Number.isFinite(fa) || !Number.isFinite(fb)) continue;
    if (Math.abs(fa) < 1e-12 && Math.abs(fb) < 1e-12) continue;
    if (Math.abs(fb) < 1e-12 || Math.abs(fa) < 1e-12) return no("the equations have different solutions");
    const r = fa / fb;
    if (ratio === null) ratio = r;
    else if (!closeSample(r, ratio)) return no("the equations are not multiples of each other");
    valid++;
  }
  if (valid < 2) return { equal: false, reason: "the equations could not be sampled", undecided: true };
  return { equal: true, reason: "the equations are multiples of each other" };
}
