import type { EvalSampleRecord } from "../runtime/executor/evaluation.js";
import { available, unavailable, type Analysis } from "./analysis.js";
import { CODE_MARKER, strategyOf, type Strategy } from "./strategy.js";

/** The four subsets of test problems, by reasoning strategy before → after training. */
export const SWITCH_KINDS = ["Code→Code", "Code→Lang", "Lang→Code", "Lang→Lang"] as const;
export type SwitchKind = (typeof SWITCH_KINDS)[number];

/** What the subsets mean, as the report prints it. */
export const STRATEGY_SWITCH_DEFINITION: readonly string[] = [
  `strategy switch: each test problem's greedy answer at the first evaluation (before training) and at the last is Code when it contains "${CODE_MARKER}", else Lang`,
  "problems are matched by their index in the evaluation data; a subset d is one of Code→Code, Code→Lang, Lang→Code, Lang→Lang",
];

export interface SwitchSubset {
  readonly kind: SwitchKind;
  readonly problems: number;
  readonly correctBefore: number;
  readonly correctAfter: number;
}

export interface StrategySwitch {
  readonly stepBefore: number;
  readonly stepAfter: number;
  /** N: the problems answered at both steps. */
  readonly problems: number;
  /** Problems answered at only one of the two steps, left out of every subset. */
  readonly unmatched: number;
  /** Of the N: answered correctly, and answered in code, before and after. */
  readonly correctBefore: number;
  readonly correctAfter: number;
  readonly codeBefore: number;
  readonly codeAfter: number;
  /** One per kind, in SWITCH_KINDS order; a subset no problem falls in has 0 problems. */
  readonly subsets: readonly SwitchSubset[];
}

/** One greedy evaluation's strategy switch, or why it has none. */
export interface SwitchResult {
  readonly data: string;
  readonly metric: string;
  readonly analysis: Analysis<StrategySwitch>;
}

/** The strategy switch of each greedy evaluation (data × metric) in eval_samples.jsonl. */
export function strategySwitches(samples: readonly EvalSampleRecord[]): SwitchResult[] {
  const evaluations = new Map<string, EvalSampleRecord[]>();
  for (const s of samples) {
    const key = `${s.data}\u0000${s.metric}`;
    const answers = evaluations.get(key) ?? [];
    answers.push(s);
    evaluations.set(key, answers);
  }
  return [...evaluations.values()].map((answers) => ({ data: answers[0]!.data, metric: answers[0]!.metric, analysis: strategySwitch(answers) }));
}

/** The switch between the first and the last step at which one evaluation's answers were kept. */
function strategySwitch(answers: readonly EvalSampleRecord[]): Analysis<StrategySwitch> {
  const steps = answers.map((a) => a.step);
  const stepBefore = Math.min(...steps);
  const stepAfter = Math.max(...steps);
  if (stepBefore === stepAfter) return unavailable(`answers were kept at step ${stepBefore} only; the switch needs an evaluation after training too`);
  const atStep = (step: number) => new Map(answers.filter((a) => a.step === step).map((a) => [a.index, a]));
  const before = atStep(stepBefore);
  const after = atStep(stepAfter);
  const subsets = new Map(SWITCH_KINDS.map((kind) => [kind, { kind, problems: 0, correctBefore: 0, correctAfter: 0 }]));
  for (const [index, b] of before) {
    const a = after.get(index);
    if (a === undefined) continue;
    const subset = subsets.get(switchKind(strategyOf(b.response), strategyOf(a.response)))!;
    subset.problems += 1;
    subset.correctBefore += b.correct ? 1 : 0;
    subset.correctAfter += a.correct ? 1 : 0;
  }
  const all = [...subsets.values()];
  const count = (field: "problems" | "correctBefore" | "correctAfter", kinds: readonly SwitchKind[] = SWITCH_KINDS) =>
    all.filter((d) => kinds.includes(d.kind)).reduce((n, d) => n + d[field], 0);
  const problems = count("problems");
  if (problems === 0) return unavailable(`no problem was answered at both step ${stepBefore} and step ${stepAfter}`);
  return available({
    stepBefore,
    stepAfter,
    problems,
    unmatched: before.size + after.size - 2 * problems,
    correctBefore: count("correctBefore"),
    correctAfter: count("correctAfter"),
    codeBefore: count("problems", ["Code→Code", "Code→Lang"]),
    codeAfter: count("problems", ["Code→Code", "Lang→Code"]),
    subsets: all,
  });
}

function switchKind(before: Strategy, after: Strategy): SwitchKind {
  return `${before}→${after}`;
}

/** Share of a subset's problems answered correctly; null for an empty subset. */
export function subsetAccuracy(correct: number, problems: number): number | null {
  return problems === 0 ? null : correct / problems;
}
