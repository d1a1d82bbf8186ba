import * as tf from "@tensorflow/tfjs";
import type { ModelConfig } from "./config.js";
import { forwardSequences, head } from "./transformer.js";

export type TokenLogProbs = {
  /** [B, T]: at t ≥ 1, log π(tokens[t] | tokens[<t]) times mask[t]; column 0 is 0 (nothing predicts it). */
  readonly logProbs: tf.Tensor2D;
  /** [B, T]: entropy of the distribution that predicted tokens[t], times mask[t]; column 0 is 0. */
  readonly entropy: tf.Tensor2D;
};

/**
 * Differentiable per-token log-probabilities and entropies of given sequences (int32 [B, T], T ≥ 2),
 * for the policy loss. Aligned with the tokens so a response mask applies as is. `temperature`
 * divides the logits first, to score tokens under the distribution they were sampled from.
 */
export function tokenLogProbs(
  params: ReadonlyMap<string, tf.Tensor>, config: ModelConfig, tokens: tf.Tensor2D, mask: tf.Tensor2D, temperature = 1,
): TokenLogProbs {
  const [batch, time] = tokens.shape;
  if (time < 2) throw new RangeError("logProbs needs sequences of at least 2 tokens");
  const { hidden } = forwardSequences(params, config, tokens);
  const d = hidden.shape[1];
  // Only positions 0..T−2 predict a token of the sequence: the last position's logits are not needed.
  const predicting = tf.reshape<tf.Rank.R2>(tf.slice(tf.reshape(hidden, [batch, time, d]), [0, 0, 0], [batch, time - 1, d]), [batch * (time - 1), d]);
  const logits = head(params, predicting);
  const logp = tf.logSoftmax(temperature === 1 ? logits : tf.div(logits, temperature));
  const targets = tf.reshape(tf.slice(tokens, [0, 1], [batch, time - 1]), [batch * (time - 1)]);
  // Picking by one-hot product rather than gather: gather's gradient is missing on wasm (see embedding.ts);
  // int32 one-hot then cast, as tf.oneHot(…, "float32") is wrong on wasm 4.22.
  const picked = tf.sum<tf.Tensor1D>(tf.mul(logp, tf.cast(tf.oneHot(targets, config.vocabSize), "float32")), 1);
  const entropy = tf.neg<tf.Tensor1D>(tf.sum(tf.mul(tf.exp(logp), logp), 1));
  const aligned = (perTarget: tf.Tensor1D) =>
    tf.mul(tf.pad(tf.reshape(perTarget, [batch, time - 1]), [[0, 0], [1, 0]]), mask) as tf.Tensor2D;
  return { logProbs: aligned(picked), entropy: aligned(entropy) };
}
