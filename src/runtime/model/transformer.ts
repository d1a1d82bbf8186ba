import * as tf from "@tensorflow/tfjs";
import { BOS, PAD } from "../tokenizer.js";
import { type AttentionWeights, cachedSelfAttention, type LayerCache, MASKED, selfAttention } from "./attention.js";
import type { ModelConfig } from "./config.js";
import { embedding } from "./embedding.js";
import { gelu } from "./gelu.js";
import { layerNorm } from "./layerNorm.js";
import { linear } from "./linear.js";

/** The math of the policy, written once for whole sequences and for one cached decoding step. */

type Parameters = ReadonlyMap<string, tf.Tensor>;

function param<T extends tf.Tensor>(params: Parameters, name: string): T {
  const p = params.get(name);
  if (!p) throw new Error(`internal: no parameter '${name}'`);
  return p as T;
}

function attentionWeights(params: Parameters, layer: number): AttentionWeights {
  return {
    qkvWeight: param(params, `block${layer}.attn.qkv.weight`),
    qkvBias: param(params, `block${layer}.attn.qkv.bias`),
    outWeight: param(params, `block${layer}.attn.out.weight`),
    outBias: param(params, `block${layer}.attn.out.bias`),
  };
}

/** Pre-LN residual block; `attention` runs on the normalised input. */
function block(params: Parameters, layer: number, x: tf.Tensor2D, attention: (h: tf.Tensor2D) => tf.Tensor2D): tf.Tensor2D {
  const p = `block${layer}`;
  const afterAttention = tf.add<tf.Tensor2D>(x, attention(layerNorm(x, param(params, `${p}.ln1.gain`), param(params, `${p}.ln1.bias`))));
  const h = layerNorm(afterAttention, param(params, `${p}.ln2.gain`), param(params, `${p}.ln2.bias`));
  const up = gelu(linear(h, param(params, `${p}.mlp.up.weight`), param(params, `${p}.mlp.up.bias`)));
  return tf.add<tf.Tensor2D>(afterAttention, linear(up, param(params, `${p}.mlp.down.weight`), param(params, `${p}.mlp.down.bias`)));
}

/**
 * Logits [N, V] from final hidden states [N, d]. PAD and BOS get a constant −1e9: the policy never
 * emits them, so a sampled row never contains a PAD that training would mask as padding.
 */
export function head(params: Parameters, hidden: tf.Tensor2D): tf.Tensor2D {
  const normalised = layerNorm(hidden, param(params, "final_ln.gain"), param(params, "final_ln.bias"));
  const logits = linear(normalised, param(params, "head.weight"), param(params, "head.bias"));
  const vocab = logits.shape[1];
  const forbidden = new Float32Array(vocab);
  forbidden[PAD] = MASKED;
  forbidden[BOS] = MASKED;
  return tf.add<tf.Tensor2D>(logits, tf.tensor1d(forbidden));
}

/**
 * Positions and attention mask of a batch from its tokens [B, T] alone: PAD is padding anywhere
 * (left of a prompt, right of an ended response). A token's position counts the non-PAD tokens
 * before it, so a row reads the same however much padding surrounds it — in sampling and in
 * training alike.
 */
function layout(tokens: tf.Tensor2D, maxLen: number): { positions: tf.Tensor1D; maskBias: tf.Tensor4D } {
  const [batch, time] = tokens.shape;
  const real = tf.cast(tf.notEqual(tokens, PAD), "float32");
  const positions = tf.cast(tf.clipByValue(tf.sub(tf.cumsum(real, 1), 1), 0, maxLen - 1), "int32");
  const visible = tf.mul(causalMask(time), tf.reshape(real, [batch, 1, 1, time]));
  return { positions: tf.reshape(positions, [batch * time]), maskBias: tf.mul(tf.sub(1, visible), MASKED) as tf.Tensor4D };
}

/** [1, 1, T, T]: 1 where key ≤ query. */
function causalMask(time: number): tf.Tensor4D {
  const mask = new Float32Array(time * time);
  for (let q = 0; q < time; q++) mask.fill(1, q * time, q * time + q + 1);
  return tf.tensor4d(mask, [1, 1, time, time]);
}

export interface SequenceOutput {
  /** Final hidden states [B·T, d] (before the final layer norm). */
  readonly hidden: tf.Tensor2D;
  /** Per layer keys and values, for continuing with cached decoding. */
  readonly caches: LayerCache[];
}

/** The whole batch at once (training, log-probs, prefill). tokens: int32 [B, T], T ≤ maxLen. */
export function forwardSequences(params: Parameters, config: ModelConfig, tokens: tf.Tensor2D): SequenceOutput {
  const [batch, time] = tokens.shape;
  if (time > config.maxLen) throw new RangeError(`sequence of ${time} tokens is longer than the model's maxLen ${config.maxLen}`);
  const { positions, maskBias } = layout(tokens, config.maxLen);
  let x = tf.add<tf.Tensor2D>(embedding(tf.reshape<tf.Rank.R1>(tokens, [batch * time]), param(params, "embed.token")), embedding(positions, param(params, "embed.position")));
  const caches: LayerCache[] = [];
  for (let l = 0; l < config.nLayers; l++) {
    x = block(params, l, x, (h) => {
      const { output, cache } = selfAttention(h, attentionWeights(params, l), batch, time, config.nHeads, maskBias);
      caches.push(cache);
      return output;
    });
  }
  return { hidden: x, caches };
}

/**
 * One decoding step for every row: tokens and positions [B] (int32), caches from the previous
 * step, keyBias [B, 1, 1, Tk] for all keys including this step's. Returns logits [B, V] and the
 * grown caches.
 */
export function decodeStep(
  params: Parameters, config: ModelConfig, tokens: tf.Tensor1D, positions: tf.Tensor1D, caches: readonly LayerCache[], keyBias: tf.Tensor4D,
): { logits: tf.Tensor2D; caches: LayerCache[] } {
  let x = tf.add<tf.Tensor2D>(embedding(tokens, param(params, "embed.token")), embedding(positions, param(params, "embed.position")));
  const next: LayerCache[] = [];
  for (let l = 0; l < config.nLayers; l++) {
    x = block(params, l, x, (h) => {
      const { output, cache } = cachedSelfAttention(h, attentionWeights(params, l), config.nHeads, caches[l]!, keyBias);
      next.push(cache);
      return output;
    });
  }
  return { logits: head(params, x), caches: next };
}
