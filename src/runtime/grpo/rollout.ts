import { promptText } from "../data/prompt.js";
import type { Row } from "../data/rows.js";
import { type Generation, generate } from "../model/generate.js";
import type { PolicyModel } from "../model/policy.js";
import { promptTokens } from "../tokenizer.js";

export interface RolloutPrompt {
  readonly row: Row;
  /** The problem under the experiment's template. */
  readonly text: string;
  readonly tokens: readonly number[];
}

/** G answers to each of a step's prompts: responses come prompt-major (prompt 0's G answers first). */
export interface Rollout {
  readonly prompts: readonly RolloutPrompt[];
  readonly groupSize: number;
  readonly responses: readonly Generation[];
  readonly seconds: number;
}

export interface RolloutOptions {
  readonly groupSize: number;
  readonly temperature: number;
  readonly topP: number;
  readonly maxResponseLength: number;
  readonly template: string | null;
  readonly seed: number;
}

export async function rollout(policy: PolicyModel, rows: readonly Row[], o: RolloutOptions): Promise<Rollout> {
  const started = performance.now();
  const prompts = rows.map((row) => {
    const text = promptText(o.template, row.problem);
    return { row, text, tokens: promptTokens(text) };
  });
  const generations = await generate(policy, prompts.map((p) => p.text), {
    samplesPerPrompt: o.groupSize,
    temperature: o.temperature,
    topP: o.topP,
    maxNewTokens: o.maxResponseLength,
    seed: o.seed,
  });
  return { prompts, groupSize: o.groupSize, responses: generations.flat(), seconds: (performance.now() - started) / 1000 };
}

/** The prompt a response answers. */
export function promptOf(r: Rollout, response: number): RolloutPrompt {
  return r.prompts[Math.floor(response / r.groupSize)]!;
}
