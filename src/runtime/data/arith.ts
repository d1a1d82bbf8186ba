import { hashString, randomInt, randomStream } from "../../util/prng.js";
import type { Row } from "./rows.js";

export interface ArithOptions {
  readonly split: "train" | "test";
  readonly count: number;
  readonly seed: number;
  /** 1–5: more operands and larger numbers. */
  readonly difficulty: number;
}

/** Operand count and size per difficulty level. */
const LEVELS: Record<number, { operands: number; max: number; multiply: boolean }> = {
  1: { operands: 2, max: 9, multiply: false },
  2: { operands: 2, max: 99, multiply: false },
  3: { operands: 3, max: 99, multiply: false },
  4: { operands: 3, max: 99, multiply: true },
  5: { operands: 4, max: 999, multiply: true },
};

/** One problem in ten (by a hash of its text, whatever the seed) belongs to the test split: the splits never overlap. */
const TEST_SHARE = 10;

/**
 * The synthetic arithmetic task: "What is 37 + 45 - 12?" with its exact answer. Deterministic
 * from its seed; problems are distinct within a split, and a test problem is never a training one.
 */
export function generateArith(options: ArithOptions): Row[] {
  const level = LEVELS[options.difficulty];
  if (!level) throw new Error(`internal: arith difficulty ${options.difficulty} is not 1–5`);
  const next = randomStream(options.seed * 2 + (options.split === "test" ? 1 : 0));
  const seen = new Set<string>();
  const rows: Row[] = [];
  const budget = options.count * 200 + 10_000;
  for (let attempt = 0; rows.length < options.count && attempt < budget; attempt++) {
    const { text, value } = problem(next, level);
    const isTest = hashString(text) % TEST_SHARE === 0;
    if (isTest !== (options.split === "test") || seen.has(text)) continue;
    seen.add(text);
    rows.push({ index: rows.length, problem: text, answer: String(value) });
  }
  if (rows.length < options.count) {
    throw new Error(`arith(difficulty: ${options.difficulty}) has only ${rows.length} distinct ${options.split} problems; ask for fewer or raise the difficulty`);
  }
  return rows;
}

function problem(next: () => number, level: { operands: number; max: number; multiply: boolean }): { text: string; value: number } {
  const operand = () => 1 + randomInt(next, level.max);
  const ops = level.multiply ? ["+", "-", "*"] : ["+", "-"];
  const terms = [operand()];
  const operators: string[] = [];
  for (let i = 1; i < level.operands; i++) {
    const op = ops[randomInt(next, ops.length)]!;
    operators.push(op);
    // A small factor keeps products within what a small model can learn to compute.
    terms.push(op === "*" ? 2 + randomInt(next, 8) : operand());
  }
  const text = terms.map((t, i) => (i === 0 ? String(t) : `${operators[i - 1]} ${t}`)).join(" ");
  return { text: `What is ${text}?`, value: evaluate(terms, operators) };
}

/** `*` before `+` and `-`, then left to right. */
function evaluate(terms: readonly number[], operators: readonly string[]): number {
  const addends = [terms[0]!];
  const signs: number[] = [1];
  operators.forEach((op, i) => {
    if (op === "*") addends[addends.length - 1]! *= terms[i + 1]!;
    else {
      addends.push(terms[i + 1]!);
      signs.push(op === "+" ? 1 : -1);
    }
  });
  return addends.reduce((sum, a, i) => sum + signs[i]! * a, 0);
}
