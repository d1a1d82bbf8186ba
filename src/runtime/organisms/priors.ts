import { gradeResponse } from "../../reward/math/index.js";
import type { Row } from "../data/rows.js";
import type { PolicyModel } from "../model/policy.js";
import { decode, promptTokens } from "../tokenizer.js";

/** What an organism does on a test set: how often it writes code, and how accurate each style is. */
export interface Priors {
  readonly problems: number;
  /** Share of responses containing "python" (the study's code frequency). */
  readonly codeFrequency: number;
  readonly accuracy: number;
  /** Accuracy among code responses; null when there were none. */
  readonly accuracyWithCode: number | null;
  readonly accuracyWithLanguage: number | null;
}

/** Samples one answer per row (temperature 0: greedy) and tallies style and correctness. */
export async function measurePriors(model: PolicyModel, rows: readonly Row[], options: { temperature: number; maxNewTokens: number; seed: number }): Promise<Priors> {
  const { tokens } = await model.sample(
    rows.map((r) => promptTokens(r.problem)),
    { maxNewTokens: options.maxNewTokens, temperature: options.temperature, seed: options.seed },
  );
  const tally = { code: { n: 0, right: 0 }, language: { n: 0, right: 0 } };
  tokens.forEach((t, i) => {
    const response = decode(t);
    const style = response.includes("python") ? tally.code : tally.language;
    style.n++;
    if (gradeResponse(response, rows[i]!.answer).verdict.equal) style.right++;
  });
  const share = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    problems: rows.length,
    codeFrequency: tally.code.n / rows.length,
    accuracy: (tally.code.right + tally.language.right) / rows.length,
    accuracyWithCode: share(tally.code.right, tally.code.n),
    accuracyWithLanguage: share(tally.language.right, tally.language.n),
  };
}
