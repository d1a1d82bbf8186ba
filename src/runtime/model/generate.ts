import { decode, promptTokens } from "../tokenizer.js";
import type { PolicyModel } from "./policy.js";
import { yieldToEventLoop } from "../../util/yieldToEventLoop.js";

export interface GenerateOptions {
  readonly samplesPerPrompt: number;
  /** 0: greedy. */
  readonly temperature: number;
  readonly topP?: number;
  readonly maxNewTokens: number;
  readonly seed: number;
}

export interface Generation {
  readonly text: string;
  /** Generated token ids up to and including EOS. */
  readonly tokens: readonly number[];
  /** log π_old of each generated token, at the sampling temperature. */
  readonly logProbs: readonly number[];
  readonly finished: boolean;
}

/** Rows per sampling batch: large enough to keep the kernels busy, small enough to bound memory. */
const MAX_ROWS = 256;

/**
 * Answers to prompt texts (already templated), `samplesPerPrompt` each, returned per prompt.
 * Large requests run in chunks of whole prompts; chunk c draws from seed + c, so the result is
 * the same for the same request whatever the batch, on the same backend.
 */
export async function generate(model: PolicyModel, prompts: readonly string[], options: GenerateOptions): Promise<Generation[][]> {
  const perChunk = Math.max(1, Math.floor(MAX_ROWS / options.samplesPerPrompt));
  const out: Generation[][] = [];
  for (let start = 0, chunk = 0; start < prompts.length; start += perChunk, chunk++) {
    await yieldToEventLoop();
    const texts = prompts.slice(start, start + perChunk);
    const result = await model.sample(texts.map(promptTokens), {
      maxNewTokens: options.maxNewTokens,
      temperature: options.temperature,
      topP: options.topP ?? 1,
      seed: options.seed + chunk,
      samplesPerPrompt: options.samplesPerPrompt,
    });
    texts.forEach((_, p) => {
      out.push(
        Array.from({ length: options.samplesPerPrompt }, (_, s) => {
          const row = p * options.samplesPerPrompt + s;
          return { text: decode(result.tokens[row]!), tokens: result.tokens[row]!, logProbs: result.logProbs[row]!, finished: result.finished[row]! };
        }),
      );
    });
  }
  return out;
}
