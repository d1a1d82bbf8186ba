import * as tf from "@tensorflow/tfjs";
import { linear } from "./linear.js";

/** Added to the score of a key a query may not see. Finite, not −∞: a row with no visible key
 * (a left-padding query) then gets a uniform softmax instead of NaN, which would poison gradients. */
export const MASKED = -1e9;

export interface AttentionWeights {
  readonly qkvWeight: tf.Tensor2D;
  readonly qkvBias: tf.Tensor1D;
  readonly outWeight: tf.Tensor2D;
  readonly outBias: tf.Tensor1D;
}

/** Keys and values of one layer, [B, H, T, headDim]: what a decoding step appends to. */
export type LayerCache = {
  readonly keys: tf.Tensor4D;
  readonly values: tf.Tensor4D;
};

/** Splits the fused projection [N, 3d] into q, k, v, each [B, H, T, headDim]. */
function splitHeads(qkv: tf.Tensor2D, batch: number, time: number, heads: number): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  const d = qkv.shape[1] / 3;
  const toHeads = (t: tf.Tensor2D) => tf.transpose(tf.reshape(t, [batch, time, heads, d / heads]), [0, 2, 1, 3]) as tf.Tensor4D;
  const [q, k, v] = tf.split(qkv, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  return [toHeads(q), toHeads(k), toHeads(v)];
}

/**
 * Scores, softmax and weighted values for queries q [B, H, Tq, hd] against keys/values
 * [B, H, Tk, hd], with an additive mask bias broadcast over heads ([B, 1, Tq, Tk]).
 * Returns [B·Tq, d]. The batched matMuls take tfjs-wasm's naive path (~3 GFLOP/s measured, any
 * transposition alike): no 2-D form exists for a per-head product, and one 2-D matMul per head was
 * 15× slower still (per-kernel overhead, XNNPACK re-packing each operand).
 */
function attend(q: tf.Tensor4D, keys: tf.Tensor4D, values: tf.Tensor4D, maskBias: tf.Tensor4D): tf.Tensor2D {
  const [batch, heads, tq, headDim] = q.shape;
  const tk = keys.shape[2];
  const scaledQ = tf.reshape(tf.mul(q, 1 / Math.sqrt(headDim)), [batch * heads, tq, headDim]);
  const scores = tf.matMul(scaledQ, tf.reshape(keys, [batch * heads, tk, headDim]), false, true);
  const probs = tf.softmax(tf.add(tf.reshape(scores, [batch, heads, tq, tk]), maskBias));
  const mixed = tf.matMul(tf.reshape(probs, [batch * heads, tq, tk]), tf.reshape(values, [batch * heads, tk, headDim]));
  return tf.reshape(tf.transpose(tf.reshape(mixed, [batch, heads, tq, headDim]), [0, 2, 1, 3]), [batch * tq, heads * headDim]);
}

/**
 * Causal self-attention over whole sequences: x [B·T, d] → [B·T, d], plus this layer's keys and
 * values (for a KV cache). maskBias [B, 1, T, T] carries both causality and key padding.
 */
export function selfAttention(
  x: tf.Tensor2D, w: AttentionWeights, batch: number, time: number, heads: number, maskBias: tf.Tensor4D,
): { output: tf.Tensor2D; cache: LayerCache } {
  const [q, keys, values] = splitHeads(linear(x, w.qkvWeight, w.qkvBias), batch, time, heads);
  return { output: linear(attend(q, keys, values, maskBias), w.outWeight, w.outBias), cache: { keys, values } };
}

/**
 * One decoding step: x [B, d] holds the newest token of each row; its key and value are appended
 * to the cache. keyBias [B, 1, 1, Tk] masks the prompt's padding (Tk counts the new token).
 */
export function cachedSelfAttention(
  x: tf.Tensor2D, w: AttentionWeights, heads: number, cache: LayerCache, keyBias: tf.Tensor4D,
): { output: tf.Tensor2D; cache: LayerCache } {
  const batch = x.shape[0];
  const [q, k, v] = splitHeads(linear(x, w.qkvWeight, w.qkvBias), batch, 1, heads);
  const keys = tf.concat([cache.keys, k], 2);
  const values = tf.concat([cache.values, v], 2);
  return { output: linear(attend(q, keys, values, keyBias), w.outWeight, w.outBias), cache: { keys, values } };
}
