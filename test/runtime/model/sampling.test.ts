import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../../../src/runtime/backend.js";
import { type ModelConfig, modelConfig } from "../../../src/runtime/model/config.js";
import { initialWeights, type NamedWeights, parameterSpecs } from "../../../src/runtime/model/parameters.js";
import { PolicyModel } from "../../../src/runtime/model/policy.js";
import type { SampleResult } from "../../../src/runtime/model/sampling.js";
import { BOS, encode, EOS, PAD } from "../../../src/runtime/tokenizer.js";

/**
 * A tiny model whose random weights are scaled up (std 0.5 instead of 0.02): its next-token
 * distributions are peaked and differ clearly between positions and prompts, so an error in
 * positions, masks or caches shows in the log-probs far above float rounding, and greedy choices
 * have no near-ties.
 */
function sharpWeights(config: ModelConfig, scale = 25): NamedWeights {
  const weights = initialWeights(config);
  for (const spec of parameterSpecs(config)) {
    if (typeof spec.init === "object") weights[spec.name] = weights[spec.name]!.map((x) => x * scale);
  }
  return weights;
}

const CONFIG = modelConfig({ dModel: 16, nHeads: 2, nLayers: 2, maxLen: 48 });
/** Three prompts of different lengths (3, 7, 13 tokens): sampling left-pads them. */
const PROMPTS = ["7*", "12+30=", "hello world?"].map((text) => encode(text, { bos: true }));
const TOLERANCE = 1e-4;

let model: PolicyModel;

beforeAll(async () => {
  // Variables live on the backend active when they are created: select it first.
  await selectBackend("cpu");
  model = PolicyModel.fromWeights(CONFIG, sharpWeights(CONFIG));
});

afterAll(() => {
  model.dispose();
});

/** Log-softmax of the full forward pass of one unpadded sequence: [T][V]. */
function fullLogSoftmax(sequence: readonly number[]): number[][] {
  return tf.tidy(() => {
    const logits = model.forward(tf.tensor2d([[...sequence]], [1, sequence.length], "int32"));
    return (tf.logSoftmax(logits).arraySync() as number[][][])[0]!;
  });
}

function argMax(xs: readonly number[]): number {
  return xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);
}

/** The prompt of each sampled row, prompt-major. */
function rowPrompts(prompts: readonly (readonly number[])[], samplesPerPrompt: number): (readonly number[])[] {
  return prompts.flatMap((p) => Array<readonly number[]>(samplesPerPrompt).fill(p));
}

/**
 * model.logProbs of prompt + answer rows laid out `right` (prompts at column 0, padding after the
 * answer) or `left` (prompts left-padded to end at one column, as sampling lays them out).
 * Returns, per row, the log-probs at the answer's positions.
 */
function scoredAnswers(prompts: readonly (readonly number[])[], result: SampleResult, temperature: number, layout: "left" | "right"): number[][] {
  const longestPrompt = Math.max(...prompts.map((p) => p.length));
  const width = longestPrompt + Math.max(...result.lengths);
  const starts = prompts.map((p) => (layout === "left" ? longestPrompt - p.length : 0));
  const tokens = prompts.map((p, r) => {
    const row = new Array<number>(width).fill(PAD);
    [...p, ...result.tokens[r]!].forEach((t, i) => (row[starts[r]! + i] = t));
    return row;
  });
  const mask = prompts.map((p, r) => tokens[r]!.map((_, i) => (i >= starts[r]! + p.length && i < starts[r]! + p.length + result.lengths[r]! ? 1 : 0)));
  const scored = tf.tidy(() => {
    const { logProbs } = model.logProbs(tf.tensor2d(tokens, undefined, "int32"), tf.tensor2d(mask), { temperature });
    return logProbs.arraySync() as number[][];
  });
  return prompts.map((p, r) => scored[r]!.slice(starts[r]! + p.length, starts[r]! + p.length + result.lengths[r]!));
}

function expectAllClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  const worst = Math.max(0, ...actual.map((a, i) => Math.abs(a - expected[i]!)));
  
  expect(worst).toBeLessThan(tolerance);
}

describe("KV-cache decoding", () => {
  it("greedy decoding of left-padded prompts picks the argmax of the full forward pass, with its log-softmax as log-prob", async () => {
    const maxNewTokens = 16;
    const result = await model.sample(PROMPTS, { maxNewTokens, temperature: 0 });
    expect(result.tokens).toHaveLength(PROMPTS.length);
    let checked = 0;
    PROMPTS.forEach((prompt, r) => {
      const answer = result.tokens[r]!;
      const full = fullLogSoftmax([...prompt, ...answer]);
      answer.forEach((token, s) => {
        // The distribution at the last token before the answer's s-th token predicts it.
        const predicted = full[prompt.length + s - 1]!;
        expect(token).toBe(argMax(predicted));
        expect(Math.abs(result.logProbs[r]![s]! - predicted[token]!)).toBeLessThan(TOLERANCE);
        checked++;
      });
    });
    // Not vacuous: the rows ran long (decoding steps after the prefill were compared, not just the first).
    expect(checked).toBeGreaterThanOrEqual(3 * 8);
    // The prompts lead to different answers: a mix-up of rows or prompts would show.
    expect(new Set(result.tokens.map((t) => t.join(","))).size).toBe(PROMPTS.length);
  });
});

describe("recorded log-probs are π_old", () => {
  for (const temperature of [1, 0.7]) {
    it(`model.logProbs at temperature ${temperature} reproduces the log-probs sample() recorded, whatever the padding`, async () => {
      const samplesPerPrompt = 2;
      const result = await model.sample(PROMPTS, { maxNewTokens: 14, temperature, seed: 11, samplesPerPrompt });
      const prompts = rowPrompts(PROMPTS, samplesPerPrompt);
      const right = scoredAnswers(prompts, result, temperature, "right");
      const left = scoredAnswers(prompts, result, temperature, "left");
      result.logProbs.forEach((recorded, r) => {
        expectAllClose(right[r]!, recorded, TOLERANCE);
        expectAllClose(left[r]!, recorded, TOLERANCE);
      });
      // Not vacuous: scored at the wrong temperature, the log-probs clearly differ.
      const other = scoredAnswers(prompts, result, temperature === 1 ? 0.7 : 1, "right");
      const gap = Math.max(...result.logProbs.flatMap((recorded, r) => recorded.map((x, s) => Math.abs(x - other[r]![s]!))));
      expect(gap).toBeGreaterThan(0.05);
    });
  }
});

describe("sampling", () => {
  it("is deterministic in its seed: same seed, same tokens and log-probs; another seed, other tokens", async () => {
    const options = { maxNewTokens: 12, temperature: 1, samplesPerPrompt: 2 };
    const a = await model.sample(PROMPTS, { ...options, seed: 5 });
    const b = await model.sample(PROMPTS, { ...options, seed: 5 });
    const c = await model.sample(PROMPTS, { ...options, seed: 6 });
    expect(b).toEqual(a);
    expect(c.tokens).not.toEqual(a.tokens);
    // The two samples of one prompt use different draws.
    expect(a.tokens[0]).not.toEqual(a.tokens[1]);
  });

  it("puts the samples of one prompt in consecutive rows (prompt-major)", async () => {
    const alone = await Promise.all(PROMPTS.map((p) => model.sample([p], { maxNewTokens: 10, temperature: 0 })));
    const together = await model.sample(PROMPTS, { maxNewTokens: 10, temperature: 0, samplesPerPrompt: 3 });
    expect(together.tokens).toHaveLength(9);
    PROMPTS.forEach((_, p) => {
      for (let k = 0; k < 3; k++) {
        expect(together.tokens[3 * p + k]).toEqual(alone[p]!.tokens[0]);
        expectAllClose(together.logProbs[3 * p + k]!, alone[p]!.logProbs[0]!, TOLERANCE);
      }
    });
  });

  it("stops each row at EOS: tokens end with their only EOS when finished, lengths agree, no PAD or BOS emitted", async () => {
    // The same model with EOS made likelier, so that some of the 24 rows end (after 1 to 9 tokens
    // with this seed) and others run out of tokens.
    const weights = sharpWeights(CONFIG);
    weights["head.bias"]![EOS] = 3;
    const eosModel = PolicyModel.fromWeights(CONFIG, weights);
    const maxNewTokens = 10;
    const result = await eosModel.sample(PROMPTS, { maxNewTokens, temperature: 1, seed: 1, samplesPerPrompt: 8 });
    eosModel.dispose();
    expect(result.tokens).toHaveLength(24);
    result.tokens.forEach((tokens, r) => {
      expect(result.lengths[r]).toBe(tokens.length);
      expect(result.logProbs[r]).toHaveLength(tokens.length);
      expect(tokens).not.toContain(PAD);
      expect(tokens).not.toContain(BOS);
      result.logProbs[r]!.forEach((lp) => expect(lp).toBeLessThan(0));
      if (result.finished[r]) {
        expect(tokens.at(-1)).toBe(EOS);
        expect(tokens.indexOf(EOS)).toBe(tokens.length - 1);
        expect(tokens.length).toBeLessThanOrEqual(maxNewTokens);
      } else {
        expect(tokens).toHaveLength(maxNewTokens);
        expect(tokens).not.toContain(EOS);
      }
    });
    // Both kinds of row occur, and rows end at different lengths.
    expect(result.finished).toContain(true);
    expect(result.finished).toContain(false);
    expect(new Set(result.lengths.filter((_, r) => result.finished[r])).size).toBeGreaterThan(1);
  });

  it("draws the same tokens whatever maxNewTokens: a longer limit only extends the rows that ran out", async () => {
    const weights = sharpWeights(CONFIG);
    weights["head.bias"]![EOS] = 3;
    const eosModel = PolicyModel.fromWeights(CONFIG, weights);
    const options = { temperature: 1, seed: 1, samplesPerPrompt: 8 };
    const short = await eosModel.sample(PROMPTS, { ...options, maxNewTokens: 10 });
    const long = await eosModel.sample(PROMPTS, { ...options, maxNewTokens: 20 });
    eosModel.dispose();
    short.tokens.forEach((tokens, r) => {
      if (short.finished[r]) expect(long.tokens[r]).toEqual(tokens);
      else expect(long.tokens[r]!.slice(0, 10)).toEqual(tokens);
    });
    expect(long.lengths.some((n) => n > 10)).toBe(true);
  });

  it("ends at once when every row has emitted EOS", async () => {
    const weights = sharpWeights(CONFIG);
    weights["head.bias"]![EOS] = 30; // EOS almost surely first
    const eosModel = PolicyModel.fromWeights(CONFIG, weights);
    const result = await eosModel.sample(PROMPTS, { maxNewTokens: 30, temperature: 1, seed: 2 });
    eosModel.dispose();
    expect(result.finished).toEqual([true, true, true]);
    expect(result.tokens).toEqual([[EOS], [EOS], [EOS]]);
    expect(result.lengths).toEqual([1, 1, 1]);
  });

  it("with a tiny topP samples the greedy tokens", async () => {
    const greedy = await model.sample(PROMPTS, { maxNewTokens: 12, temperature: 0 });
    for (const seed of [0, 1]) {
      const nucleus = await model.sample(PROMPTS, { maxNewTokens: 12, temperature: 1, topP: 1e-6, seed, samplesPerPrompt: 1 });
      expect(nucleus.tokens).toEqual(greedy.tokens);
      // Both record the untruncated log-prob at temperature 1.
      nucleus.logProbs.forEach((lp, r) => expectAllClose(lp, greedy.logProbs[r]!, TOLERANCE));
    }
  });

  it("refuses a prompt + answer longer than maxLen", async () => {
    await expect(model.sample(PROMPTS, { maxNewTokens: CONFIG.maxLen })).rejects.toThrow(RangeError);
  });

  it("leaks no tensors", async () => {
    await model.sample(PROMPTS, { maxNewTokens: 3, temperature: 1 });
    const before = tf.memory().numTensors;
    await model.sample(PROMPTS, { maxNewTokens: 9, temperature: 0.7, topP: 0.9, samplesPerPrompt: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
