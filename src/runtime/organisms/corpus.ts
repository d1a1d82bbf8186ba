import { generateArith } from "../data/arith.js";
import { encode, EOS, promptTokens } from "../tokenizer.js";
import { randomStream } from "../../util/prng.js";
import type { Organism } from "./organisms.js";
import { parseArithProblem, type TraceStyle, writeTrace } from "./traces.js";

export interface CorpusExample {
  readonly problem: string;
  readonly style: TraceStyle;
  readonly trace: string;
  /** Prompt then trace then EOS. */
  readonly tokens: number[];
  /** Where the trace starts in `tokens`: the loss covers tokens from here on. */
  readonly responseStart: number;
}

/**
 * The pretraining corpus of an organism: arithmetic training problems (never test ones), each
 * answered in the style the organism's prior draws, deterministic from the seed.
 */
export function pretrainingCorpus(organism: Organism, options: { problems: number; seed: number; difficulty: number }): CorpusExample[] {
  const rows = generateArith({ split: "train", count: options.problems, seed: options.seed, difficulty: options.difficulty });
  const draw = randomStream(options.seed ^ 0x5eed);
  return rows.map((row) => {
    const problem = parseArithProblem(row.problem)!;
    const style: TraceStyle = draw() < organism.codeProbability(problem) ? "code" : "language";
    const trace = writeTrace(problem, style, organism.carries[style]);
    const prompt = promptTokens(row.problem);
    return { problem: row.problem, style, trace, tokens: [...prompt, ...encode(trace), EOS], responseStart: prompt.length };
  });
}
