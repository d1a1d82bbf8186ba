import * as tf from "@tensorflow/tfjs";
import { Rng } from "../random.js";
import { EOS, PAD } from "../tokenizer.js";
import { type LayerCache, MASKED } from "./attention.js";
import type { ModelConfig } from "./config.js";
import { chooseNextTokens } from "./nextToken.js";
import { decodeStep, forwardSequences, head } from "./transformer.js";

export interface SampleOptions {
  readonly maxNewTokens: number;
  /** 0 = greedy. Default 1. */
  readonly temperature?: number;
  /** Nucleus mass in (0, 1]. Default 1 (no truncation). */
  readonly topP?: number;
  /** Seed of the random draws: same seed, same backend → same samples. Default 0. */
  readonly seed?: number;
  /** Answers per prompt (GRPO's group size); rows come prompt-major: prompt 0's samples first. Default 1. */
  readonly samplesPerPrompt?: number;
}

export interface SampleResult {
  /** Generated tokens per row, up to and including EOS (which training must learn to emit). */
  readonly tokens: number[][];
  /** log π(token | prefix) of each generated token, at the sampling temperature (1 when greedy). */
  readonly logProbs: number[][];
  readonly lengths: number[];
  /** Whether the row ended with EOS (else it hit maxNewTokens). */
  readonly finished: boolean[];
}

/**
 * How often (in steps) the host reads back whether every row has ended. On wasm a readback costs
 * almost nothing, on a GPU backend it stalls the pipeline; every 4 steps wastes at most 3 steps of
 * a batch whose rows have all ended.
 */
const DONE_CHECK_EVERY = 4;

interface DecodingState {
  readonly logits: tf.Tensor2D;
  readonly caches: LayerCache[];
  /** [B, 1, 1, Tk]: MASKED on the prompt's left padding. */
  readonly keyBias: tf.Tensor4D;
}

/**
 * Batched sampling with a KV cache: every prompt × sample is one row of one batch. The prompts are
 * run once each (prefill), their caches repeated for their samples; then one decoding step per new
 * token for all rows together. Tokens stay on the device until the end (one readback), except a
 * done-flag read every DONE_CHECK_EVERY steps to stop early.
 */
export async function sampleSequences(
  params: ReadonlyMap<string, tf.Tensor>, config: ModelConfig, prompts: readonly (readonly number[])[], options: SampleOptions,
): Promise<SampleResult> {
  const { maxNewTokens, temperature = 1, topP = 1, seed = 0, samplesPerPrompt = 1 } = options;
  checkOptions(config, prompts, options);
  const promptLengths = prompts.flatMap((p) => Array<number>(samplesPerPrompt).fill(p.length));
  const rows = promptLengths.length;
  let state = prefill(params, config, prompts, samplesPerPrompt);
  const uniforms = tf.tensor2d(drawUniforms(seed, maxNewTokens, rows), [maxNewTokens, rows]);
  const positions0 = tf.tensor1d(promptLengths, "int32");
  let done = tf.zeros([rows], "bool") as tf.Tensor1D;
  const stepTokens: tf.Tensor1D[] = [];
  const stepLogProbs: tf.Tensor1D[] = [];
  for (let step = 0; step < maxNewTokens; step++) {
    const previous = { state, done };
    const chosen = tf.tidy(() => {
      const u = tf.reshape(tf.slice(uniforms, [step, 0], [1, rows]), [rows]) as tf.Tensor1D;
      const next = chooseNextTokens(state.logits, u, temperature, topP);
      // Rows that have ended emit PAD with log-prob 0 from then on.
      const tokens = tf.where(done, tf.fill([rows], PAD, "int32"), next.tokens) as tf.Tensor1D;
      const logProbs = tf.where(done, tf.zerosLike(next.logProbs), next.logProbs) as tf.Tensor1D;
      return { tokens, logProbs, done: tf.logicalOr(done, tf.equal(tokens, EOS)) as tf.Tensor1D };
    });
    stepTokens.push(chosen.tokens);
    stepLogProbs.push(chosen.logProbs);
    done = chosen.done;
    previous.done.dispose();
    const last = step === maxNewTokens - 1;
    if (last || ((step + 1) % DONE_CHECK_EVERY === 0 && (await allTrue(done)))) break;
    state = tf.tidy(() => {
      const keyBias = tf.concat([state.keyBias, tf.zeros([rows, 1, 1, 1])], 3) as tf.Tensor4D;
      const positions = tf.add(positions0, tf.scalar(step, "int32")) as tf.Tensor1D;
      const { logits, caches } = decodeStep(params, config, chosen.tokens, positions, state.caches, keyBias);
      return { logits, caches, keyBias };
    });
    disposeState(previous.state);
  }
  disposeState(state);
  tf.dispose([uniforms, positions0, done]);
  return await collect(stepTokens, stepLogProbs);
}

function checkOptions(config: ModelConfig, prompts: readonly (readonly number[])[], options: SampleOptions): void {
  const { maxNewTokens, temperature = 1, topP = 1, samplesPerPrompt = 1 } = options;
  if (prompts.length === 0) throw new RangeError("sample: no prompts");
  if (prompts.some((p) => p.length === 0)) throw new RangeError("sample: a prompt is empty (start prompts with BOS)");
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1) throw new RangeError(`sample: maxNewTokens must be a positive integer, got ${maxNewTokens}`);
  if (!Number.isInteger(samplesPerPrompt) || samplesPerPrompt < 1) throw new RangeError(`sample: samplesPerPrompt must be a positive integer, got ${samplesPerPrompt}`);
  if (!(temperature >= 0)) throw new RangeError(`sample: temperature must be ≥ 0, got ${temperature}`);
  if (!(topP > 0 && topP <= 1)) throw new RangeError(`sample: topP must be in (0, 1], got ${topP}`);
  const longest = Math.max(...prompts.map((p) => p.length));
  if (longest + maxNewTokens > config.maxLen) {
    throw new RangeError(`sample: prompt of ${longest} tokens + ${maxNewTokens} new tokens exceeds the model's maxLen ${config.maxLen}`);
  }
}

/** Runs the distinct prompts once (left-padded to the longest) and repeats their caches per sample. */
function prefill(params: ReadonlyMap<string, tf.Tensor>, config: ModelConfig, prompts: readonly (readonly number[])[], samplesPerPrompt: number): DecodingState {
  const width = Math.max(...prompts.map((p) => p.length));
  const padded = new Int32Array(prompts.length * width).fill(PAD);
  prompts.forEach((p, i) => padded.set(p, i * width + width - p.length));
  const rowOfSample = Array.from({ length: prompts.length * samplesPerPrompt }, (_, i) => Math.floor(i / samplesPerPrompt));
  return tf.tidy(() => {
    const tokens = tf.tensor2d(padded, [prompts.length, width], "int32");
    const { hidden, caches } = forwardSequences(params, config, tokens);
    const d = hidden.shape[1];
    const lastHidden = tf.reshape<tf.Rank.R2>(tf.slice(tf.reshape(hidden, [prompts.length, width, d]), [0, width - 1, 0], [prompts.length, 1, d]), [prompts.length, d]);
    const repeat = tf.tensor1d(rowOfSample, "int32");
    const padding = tf.mul(tf.cast(tf.equal(tokens, PAD), "float32"), MASKED);
    return {
      logits: tf.gather(head(params, lastHidden), repeat),
      caches: caches.map((c) => ({ keys: tf.gather(c.keys, repeat), values: tf.gather(c.values, repeat) })),
      keyBias: tf.reshape(tf.gather(padding, repeat), [rowOfSample.length, 1, 1, width]) as tf.Tensor4D,
    };
  });
}

/** [steps × rows] uniforms in (0, 1): exactly 0 or 1 could select a zero-probability token. */
function drawUniforms(seed: number, steps: number, rows: number): Float32Array {
  const draws = Rng.derive(seed, "sample").uniforms(steps * rows);
  const lowest = 2 ** -24;
  for (let i = 0; i < draws.length; i++) draws[i] = Math.min(Math.max(draws[i]!, lowest), 1 - lowest);
  return draws;
}

async function allTrue(flags: tf.Tensor1D): Promise<boolean> {
  const all = tf.all(flags);
  const [value] = await all.data();
  all.dispose();
  return value === 1;
}

function disposeState(state: DecodingState): void {
  tf.dispose([state.logits, state.keyBias, ...state.caches.flatMap((c) => [c.keys, c.values])]);
}

/** One readback of all steps, then rows trimmed after their EOS. */
async function collect(stepTokens: tf.Tensor1D[], stepLogProbs: tf.Tensor1D[]): Promise<SampleResult> {
  const rows = stepTokens[0]!.shape[0];
  const steps = stepTokens.length;
  const tokensT = tf.stack(stepTokens, 1);
  const logProbsT = tf.stack(stepLogProbs, 1);
  const [tokenData, logProbData] = await Promise.all([tokensT.data(), logProbsT.data()]);
  tf.dispose([tokensT, logProbsT, ...stepTokens, ...stepLogProbs]);
  const result: SampleResult = { tokens: [], logProbs: [], lengths: [], finished: [] };
  for (let r = 0; r < rows; r++) {
    const tokens = Array.from(tokenData.subarray(r * steps, (r + 1) * steps));
    const eos = tokens.indexOf(EOS);
    const length = eos === -1 ? steps : eos + 1;
    result.tokens.push(tokens.slice(0, length));
    result.logProbs.push(Array.from(logProbData.subarray(r * steps, r * steps + length)));
    result.lengths.push(length);
    result.finished.push(eos !== -1);
  }
  return result;
}
