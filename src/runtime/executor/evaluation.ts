import type { Value } from "../../core/values.js";
import { correctnessReward } from "../../reward/correctness.js";
import { evaluateRewards } from "../../reward/evaluate.js";
import type { Sample } from "../../reward/types.js";
import { promptText } from "../data/prompt.js";
import type { Row } from "../data/rows.js";
import { generate } from "../model/generate.js";
import type { PolicyModel } from "../model/policy.js";
import type { EvalResult } from "./events.js";
import type { Labels } from "./nodes/labels.js";
import type { EvalPlan } from "./plan.js";

/** A held-out set: its rows and their ground-truth answers. */
export interface EvalSet {
  readonly rows: readonly Row[];
  readonly truth: Labels;
}

/** One greedy answer of an evaluation, kept per problem for before/after analyses (strategy switches). */
export interface EvalSampleRecord {
  readonly step: number;
  readonly data: string;
  readonly metric: string;
  readonly index: number;
  readonly response: string;
  readonly correct: boolean;
  readonly tracks: Readonly<Record<string, number>>;
}

/**
 * Runs an eval node's metrics on its set: `pass@k` is the share of problems with at least one
 * correct answer among k, `avg@k` the mean correctness of k answers per problem, each at its own
 * temperature (0: greedy) and graded by `math` against the ground truth. Each tracked expression
 * is reported as its mean over the same answers (e.g. code frequency on the test set).
 */
export async function evaluatePolicy(
  model: PolicyModel,
  plan: EvalPlan,
  set: EvalSet,
  tracks: readonly { readonly name: string; readonly expression: Value }[],
  options: { step: number; seed: number },
): Promise<{ results: EvalResult[]; greedy: EvalSampleRecord[] }> {
  const math = correctnessReward();
  const results: EvalResult[] = [];
  const greedy: EvalSampleRecord[] = [];
  for (const [m, metric] of plan.metrics.entries()) {
    const name = `${metric.name}@${metric.k}`;
    const generations = await generate(model, set.rows.map((row) => promptText(plan.template, row.problem)), {
      samplesPerPrompt: metric.k,
      temperature: metric.temperature,
      maxNewTokens: plan.maxResponseLength,
      seed: options.seed + m * 1_000_003,
    });
    const samples: Sample[] = set.rows.flatMap((row, p) =>
      generations[p]!.map((g, s) => ({
        prompt: row.problem,
        response: g.text,
        label: set.truth.get(row.index) ?? null,
        seed: options.seed,
        step: options.step,
        promptIndex: row.index,
        sampleIndex: s,
      })),
    );
    const correct = evaluateRewards(math, samples).map((r) => r.value === 1);
    const trackValues = tracks.map((t) => ({ name: t.name, values: evaluateRewards(t.expression, samples).map((r) => r.value) }));
    const perProblem = set.rows.map((_, p) => correct.slice(p * metric.k, (p + 1) * metric.k));
    const value = metric.name === "pass" ? mean(perProblem.map((c) => (c.some(Boolean) ? 1 : 0))) : mean(correct.map(Number));
    results.push({
      step: options.step,
      data: plan.data,
      metric: name,
      value,
      tracks: Object.fromEntries(trackValues.map((t) => [t.name, mean(t.values)])),
    });
    if (metric.temperature === 0) {
      samples.forEach((s, i) =>
        greedy.push({
          step: options.step,
          data: plan.data,
          metric: name,
          index: s.promptIndex,
          response: s.response,
          correct: correct[i]!,
          tracks: Object.fromEntries(trackValues.map((t) => [t.name, t.values[i]!])),
        }),
      );
    }
  }
  return { results, greedy };
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
