import type { Value } from "../core/values.js";
import { evaluateRewards } from "../reward/evaluate.js";
import type { ResponseRow } from "./responsesFile.js";
import type { Sample } from "../reward/types.js";

/** A scored line of a responses file: the reward's value and whether the answer is right (`math`). */
export interface ScoredRow {
  readonly line: number;
  readonly value: number;
  readonly correct: boolean;
  readonly labelled: boolean;
}

/** Rows become samples of one step; each row is its own prompt, so `random` draws differ per row. */
export function rowSamples(rows: readonly ResponseRow[], seed: number): Sample[] {
  return rows.map((r, i) => ({ prompt: "", response: r.response, label: r.label, seed, step: 0, promptIndex: i, sampleIndex: 0 }));
}

export function scoreRows(reward: Value, correctness: Value, rows: readonly ResponseRow[], seed: number): ScoredRow[] {
  const samples = rowSamples(rows, seed);
  const values = evaluateRewards(reward, samples);
  const correct = evaluateRewards(correctness, samples);
  return rows.map((r, i) => ({ line: r.line, value: values[i]!.value, correct: correct[i]!.value > 0, labelled: r.label !== null }));
}

export interface ScoreSummary {
  readonly count: number;
  readonly unlabelled: number;
  readonly mean: number;
  /** How many got a positive reward. */
  readonly rewarded: number;
  /** How many the reward and `math` agree on (rewarded exactly when correct). */
  readonly agreeing: number;
}

export function summarize(rows: readonly ScoredRow[]): ScoreSummary {
  return {
    count: rows.length,
    unlabelled: rows.filter((r) => !r.labelled).length,
    mean: rows.length ? rows.reduce((sum, r) => sum + r.value, 0) / rows.length : 0,
    rewarded: rows.filter((r) => r.value > 0).length,
    agreeing: rows.filter((r) => r.value > 0 === r.correct).length,
  };
}

/** How a reward relates to correctness: the 2×2 table of rewarded × correct and the usual measures; null where undefined. */
export interface Audit {
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly falseNegative: number;
  readonly trueNegative: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  /** Pearson correlation of the reward's values with correctness (0/1); for a predicate this is phi. */
  readonly correlation: number | null;
}

export function audit(rows: readonly ScoredRow[]): Audit {
  const count = (rewarded: boolean, correct: boolean) => rows.filter((r) => r.value > 0 === rewarded && r.correct === correct).length;
  const tp = count(true, true);
  const fp = count(true, false);
  const fn = count(false, true);
  const tn = count(false, false);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision === null || recall === null ? null : ratio(2 * precision * recall, precision + recall);
  return { truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn, precision, recall, f1, correlation: pearson(rows.map((r) => r.value), rows.map((r) => (r.correct ? 1 : 0))) };
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n === 0) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A constant reward (or all answers right, or all wrong) correlates with nothing.
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}
