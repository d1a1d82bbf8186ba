import { describe, expect, it } from "vitest";
import type { Value } from "../../../src/core/values.js";
import { evaluatePolicy } from "../../../src/runtime/executor/evaluation.js";
import type { EvalPlan } from "../../../src/runtime/executor/plan.js";
import type { PolicyModel } from "../../../src/runtime/model/policy.js";
import type { SampleOptions, SampleResult } from "../../../src/runtime/model/sampling.js";
import { encode, EOS } from "../../../src/runtime/tokenizer.js";

/** A policy that answers from a script: per prompt, the k answers of each call in turn. */
function scriptedPolicy(answers: (prompt: number, sample: number, temperature: number) => string): PolicyModel {
  return {
    sample: async (prompts: readonly (readonly number[])[], o: SampleOptions): Promise<SampleResult> => {
      const k = o.samplesPerPrompt ?? 1;
      const rows = prompts.flatMap((_, p) => Array.from({ length: k }, (_, s) => [...encode(answers(p, s, o.temperature ?? 1)), EOS]));
      return { tokens: rows, logProbs: rows.map((r) => r.map(() => -1)), lengths: rows.map((r) => r.length), finished: rows.map(() => true) };
    },
  } as unknown as PolicyModel;
}

const rows = [0, 1, 2, 3].map((i) => ({ index: 10 + i, problem: `What is ${i} + ${i}?`, answer: String(2 * i) }));
const truth = new Map(rows.map((r) => [r.index, r.answer]));
const plan: EvalPlan = {
  node: null as never,
  data: "arith(test: 4)",
  rows: "rows",
  labels: "labels",
  every: 10,
  metrics: [
    { name: "pass", k: 1, temperature: 0 },
    { name: "pass", k: 3, temperature: 1 },
    { name: "avg", k: 3, temperature: 1 },
  ],
  maxResponseLength: 40,
  template: null,
};
const code: Value = { kind: "call", fn: "contains", args: { text: { kind: "string", value: "python" }, ignore_case: { kind: "bool", value: false } } };

describe("evaluations", () => {
  it("compute pass@k (any of k right) and avg@k (mean of k), with tracked frequencies on the same answers", async () => {
    // Greedy: problems 0 and 1 right. Sampled: problem p gets p right answers of 3 (so 0, 1, 2, 3 → capped at 3).
    const policy = scriptedPolicy((p, s, temperature) => {
      const right = temperature === 0 ? p < 2 : s < p;
      return `${s === 0 ? "python\n" : ""}\\boxed{${right ? 2 * p : 99}}`;
    });
    const { results, greedy } = await evaluatePolicy(policy, plan, { rows, truth }, [{ name: "code", expression: code }], { step: 20, seed: 1 });
    expect(results).toEqual([
      { step: 20, data: "arith(test: 4)", metric: "pass@1", value: 0.5, tracks: { code: 1 } },
      { step: 20, data: "arith(test: 4)", metric: "pass@3", value: 0.75, tracks: { code: 1 / 3 } },
      { step: 20, data: "arith(test: 4)", metric: "avg@3", value: (0 + 1 + 2 + 3) / 12, tracks: { code: 1 / 3 } },
    ]);
    // Only the greedy answers are kept per problem, for before/after analyses.
    expect(greedy.map((g) => [g.index, g.correct])).toEqual([[10, true], [11, true], [12, false], [13, false]]);
  });
});
