import { readFileSync } from "node:fs";
import type { Value } from "../../src/core/values.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { evaluateRewards } from "../../src/reward/evaluate.js";
import { DEFAULT_IMPORTS, prepareReward } from "../../src/scoring/session.js";
import type { EvaluateOptions, RewardResult, Sample } from "../../src/reward/types.js";

/** A reward expression checked in the default session (stdlib rewards and templates), plus `definitions`. */
export function reward(expression: string, definitions: readonly string[] = []): Value {
  const prepared = prepareReward(expression, { imports: DEFAULT_IMPORTS, definitions });
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => formatDiagnostic(d)).join("\n"));
  return prepared.value;
}

export function sample(response: string, label: string | null = null, extra: Partial<Sample> = {}): Sample {
  return { prompt: "", response, label, seed: 0, step: 0, promptIndex: 0, sampleIndex: 0, ...extra };
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/responses/${name}`, import.meta.url), "utf8");
}

/** The reward of one response. */
export function score(expression: string, response: string, label: string | null = null, extra: Partial<Sample> = {}): number {
  return evaluateRewards(reward(expression), [sample(response, label, extra)])[0]!.value;
}

export function explained(expression: string, s: Sample, options: EvaluateOptions = {}): RewardResult {
  return evaluateRewards(reward(expression), [s], { ...options, explain: true })[0]!;
}
