import { columnStep } from "./columns.js";

/**
 * The two reasoning styles of the built-in task, each step worked in columns (see columns.ts),
 * both ending in \boxed{answer}:
 *
 *   code:      python
 *              x = 45 * 3  # 5*3=15 4*3+1=13 -> 135
 *              x = x + 37  # 5+7=12 3+3+1=7 1+0=1 -> 172
 *              print(x)
 *              \boxed{172}
 *
 *   language:  45 times 3: 5 times 3 is 15, 4 times 3 plus 1 is 13, so 135.
 *              135 plus 37: 5 plus 7 is 12, 3 plus 3 plus 1 is 7, 1 plus 0 is 1, so 172.
 *              \boxed{172}
 *
 * The code trace is Python-like and contains "python" (the study's "code reasoning": code written,
 * never run); the language trace says the same columns in words. A pretraining mix of the two,
 * each with or without carries, gives each built-in organism its prior.
 */
export type TraceStyle = "code" | "language";

export interface ArithProblem {
  readonly terms: readonly number[];
  /** Between consecutive terms: "+", "-" or "*". */
  readonly operators: readonly string[];
}

/** Reads back a problem written by the arith generator ("What is 37 + 45 * 3 - 12?"). */
export function parseArithProblem(text: string): ArithProblem | null {
  const match = /^What is (-?\d+(?: [-+*] \d+)*)\?$/.exec(text);
  if (!match) return null;
  const parts = match[1]!.split(" ");
  return {
    terms: parts.filter((_, i) => i % 2 === 0).map(Number),
    operators: parts.filter((_, i) => i % 2 === 1),
  };
}

/** One step of the computation: `target = left op right`, multiplications first. */
export interface Step {
  readonly left: number;
  readonly op: string;
  readonly right: number;
  readonly value: number;
  readonly columns: readonly string[];
  /** The variable the code trace assigns: x for the running result, y, z… for later products. */
  readonly target: string;
  /** Variable names when an operand was computed in an earlier step, else null. */
  readonly leftName: string | null;
  readonly rightName: string | null;
}

const NAMES = ["x", "y", "z", "w"];

/** The steps in evaluation order (each multiplication, then the additions left to right), with or without carries. */
export function steps(problem: ArithProblem, carry = true): { steps: Step[]; value: number } {
  const out: Step[] = [];
  const step = (left: { value: number; name: string | null }, op: string, right: { value: number; name: string | null }, target: string) => {
    const work = columnStep(left.value, op, right.value, carry);
    out.push({ left: left.value, op, right: right.value, value: work.value, columns: work.columns, target, leftName: left.name, rightName: right.name });
    return { value: work.value, name: target };
  };
  // Fold multiplications into their left addend; an addend that was computed has a variable name.
  const addends: { value: number; name: string | null }[] = [{ value: problem.terms[0]!, name: null }];
  const signs: string[] = [];
  problem.operators.forEach((op, i) => {
    const right = { value: problem.terms[i + 1]!, name: null };
    if (op === "*") {
      const index = addends.length - 1;
      addends[index] = step(addends[index]!, op, right, NAMES[index] ?? `v${index}`);
    } else {
      signs.push(op);
      addends.push(right);
    }
  });
  let running = addends[0]!;
  signs.forEach((op, i) => {
    running = step(running, op, addends[i + 1]!, "x");
  });
  return { steps: out, value: running.value };
}

const WORDS: Record<string, string> = { "+": " plus ", "-": " minus ", "*": " times ", "=": " is " };

/** Writes a trace, every step worked in columns (without carries when `carry` is false), boxing its result. */
export function writeTrace(problem: ArithProblem, style: TraceStyle, carry = true): string {
  const { steps: parts, value } = steps(problem, carry);
  const boxed = `\\boxed{${value}}`;
  if (parts.length === 0) return style === "code" ? `python\nprint(${value})\n${boxed}` : `It is ${value}.\n${boxed}`;
  if (style === "code") {
    const lines = parts.map((s) => `${s.target} = ${s.leftName ?? s.left} ${s.op} ${s.rightName ?? s.right}  # ${s.columns.join(" ")} -> ${s.value}`);
    return ["python", ...lines, "print(x)", boxed].join("\n");
  }
  const inWords = (text: string) => text.replace(/[-+*=]/g, (c) => WORDS[c]!);
  const sentences = parts.map((s) => `${s.left}${WORDS[s.op]}${s.right}: ${s.columns.map(inWords).join(", ")}, so ${s.value}.`);
  return [...sentences, boxed].join("\n");
}
