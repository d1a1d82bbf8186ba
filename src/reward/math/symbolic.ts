/**
 * The CAS fallback (@cortex-js/compute-engine), for answers the fast parser
 * does not read (sums, integrals, unusual notation) or cannot decide (complex
 * numbers). It is slow (milliseconds per call) and some of its operations
 * cannot be interrupted, so every call is gated by a size guard and run under
 * the engine's time limit.
 */
import { createRequire } from "node:module";
import type { ComputeEngine, Expression } from "@cortex-js/compute-engine";

export type CasOutcome =
  | { status: "equal"; reason: string }
  | { status: "different"; reason: string }
  | { status: "unparseable"; reason: string }
  | { status: "timeout"; reason: string };

const MAX_CAS_INPUT = 300;

/**
 * Inputs that make the engine run away where its deadline is not checked: towers and
 * large exponents (BigInt powers: 9^{9^9} ran 13 s), factorials of expressions or of
 * large numbers (10!^{10!} ran 3 s).
 */
const EXPENSIVE = [
  /\^\s*\{[^{}]*\^/, // x^{a^b}
  /\^\s*\{?\s*[-+]?\d{3,}/, // x^{123}
  /\^\s*\{?\s*\d+\s*\}?\s*\^/, // x^2^3
  /[)}\]!]\s*!/, // (n+1)!, n!!
  /\d{3,}\s*!/, // 1000!
  /!\s*\^/, // n!^k
  /\\(?:prod|int|iint|oint|lim)(?![a-zA-Z])/, // open-ended symbolic work
];

/** The engine is built on first use (about 100 ms) and kept: a cache, not state. */
let engine: ComputeEngine | null | undefined;
type Module = typeof import("@cortex-js/compute-engine");
let cancellation: Module["CancellationError"] | undefined;

function getEngine(): ComputeEngine | null {
  if (engine !== undefined) return engine;
  try {
    // Loaded lazily and synchronously: most gradings never need it.
    const mod = createRequire(import.meta.url)("@cortex-js/compute-engine") as Module;
    cancellation = mod.CancellationError;
    engine = new mod.ComputeEngine();
  } catch {
    engine = null;
  }
  return engine;
}

/** Why the guard refuses a pair, or null when the CAS may try it. */
export function casGuard(a: string, b: string): string | null {
  for (const s of [a, b]) {
    if (s.length > MAX_CAS_INPUT) return `an answer is longer than ${MAX_CAS_INPUT} characters`;
    for (const re of EXPENSIVE) if (re.test(s)) return `'${s}' contains an expensive construct (${re.source})`;
  }
  return null;
}

/** Is `latex` something the CAS can parse at all (no syntax error)? */
export function casParses(latex: string, timeoutMs: number): boolean {
  if (!looksLikeMath(latex) || casGuard(latex, "") !== null) return false;
  const ce = getEngine();
  if (!ce) return false;
  ce.pushScope();
  try {
    return ce.withTimeLimit(Math.max(1, timeoutMs), () => ce.parse(latex).isValid);
  } catch {
    return false;
  } finally {
    ce.popScope();
  }
}

export function casEqual(a: string, b: string, timeoutMs: number): CasOutcome {
  // The engine reads "=" or "\\" as valid (empty) expressions; an answer needs a digit or a letter.
  if (!looksLikeMath(a)) return { status: "unparseable", reason: "the prediction has no digit or letter" };
  if (!looksLikeMath(b)) return { status: "unparseable", reason: "the gold answer has no digit or letter" };
  const refused = casGuard(a, b);
  if (refused) return { status: "timeout", reason: `the CAS was not tried: ${refused}` };
  const ce = getEngine();
  if (!ce) return { status: "unparseable", reason: "the CAS is not available" };
  // A scope per call: the symbols a parse declares (and the types it infers) are dropped after it.
  ce.pushScope();
  try {
    return ce.withTimeLimit(Math.max(1, timeoutMs), () => decide(ce.parse(a), ce.parse(b)));
  } catch (e) {
    if (cancellation && e instanceof cancellation) return { status: "timeout", reason: `the CAS ran out of its ${timeoutMs} ms` };
    const message = e instanceof Error ? e.message : String(e);
    return { status: "timeout", reason: `the CAS gave up: ${message}` };
  } finally {
    ce.popScope();
  }
}

function looksLikeMath(s: string): boolean {
  return /[A-Za-z0-9]/.test(s);
}

function decide(a: Expression, b: Expression): CasOutcome {
  if (!a.isValid && !b.isValid) return { status: "unparseable", reason: "neither answer parses as math" };
  if (!a.isValid) return { status: "unparseable", reason: "the prediction does not parse as math" };
  if (!b.isValid) return { status: "unparseable", reason: "the gold answer does not parse as math" };
  if (a.isSame(b)) return { status: "equal", reason: "the CAS finds the same canonical form" };
  if (a.unknowns.length === 0 && b.unknowns.length === 0) {
    const eq = a.isEqual(b);
    if (eq === true) return { status: "equal", reason: "the CAS evaluates both to the same value" };
    return { status: "different", reason: "the CAS evaluates them to different values" };
  }
  const same = a.isIdenticallyEqual(b);
  if (same === true) return { status: "equal", reason: "the CAS proves them identical" };
  return { status: "different", reason: "the CAS finds no identity between them" };
}
