import * as tf from "@tensorflow/tfjs";

export interface NextTokens {
  /** int32 [B] */
  readonly tokens: tf.Tensor1D;
  /** [B]: log-probability of each chosen token under the logits divided by the temperature (by 1 when greedy). */
  readonly logProbs: tf.Tensor1D;
}

/**
 * Chooses the next token of every row on the device, from logits [B, V] and one uniform draw per
 * row in (0, 1) (drawn on the host from the run's seed: backend-independent randomness).
 * temperature 0 is greedy. topP < 1 keeps the smallest set of most likely tokens whose mass
 * reaches topP (nucleus sampling); the recorded log-prob is the untruncated one, which is what
 * π_old means in GRPO (the same convention as verl).
 */
export function chooseNextTokens(logits: tf.Tensor2D, uniforms: tf.Tensor1D, temperature: number, topP: number): NextTokens {
  const vocab = logits.shape[1];
  if (temperature === 0) {
    const tokens = tf.argMax(logits, 1) as tf.Tensor1D;
    return { tokens, logProbs: pick(tf.logSoftmax<tf.Tensor2D>(logits), tokens, vocab) };
  }
  const logp = tf.logSoftmax<tf.Tensor2D>(temperature === 1 ? logits : tf.div(logits, temperature));
  const probs = tf.exp<tf.Tensor2D>(logp);
  let tokens: tf.Tensor1D;
  if (topP < 1) {
    const sorted = tf.topk(probs, vocab, true);
    const before = tf.sub(tf.cumsum(sorted.values, 1), sorted.values);
    // The most likely token is always kept (its preceding mass is 0 < topP).
    const kept = tf.mul<tf.Tensor2D>(sorted.values, tf.cast(tf.less(before, topP), "float32"));
    const rank = inverseCdf(kept, uniforms);
    tokens = tf.sum(tf.mul(sorted.indices, tf.oneHot(rank, vocab)), 1) as tf.Tensor1D;
  } else {
    tokens = inverseCdf(probs, uniforms);
  }
  return { tokens, logProbs: pick(logp, tokens, vocab) };
}

/**
 * Index of the first entry whose cumulative weight reaches u·total, per row: weights [B, V] ≥ 0,
 * u in (0, 1). The target is strictly between 0 and the row's last cumulative value, and the cumulative
 * sum of non-negative floats never decreases, so a zero-weight entry is never chosen.
 */
function inverseCdf(weights: tf.Tensor2D, uniforms: tf.Tensor1D): tf.Tensor1D {
  const [batch, vocab] = weights.shape;
  const cdf = tf.cumsum(weights, 1);
  const total = tf.slice(cdf, [0, vocab - 1], [batch, 1]);
  const target = tf.mul(total, tf.reshape(uniforms, [batch, 1]));
  return tf.sum(tf.cast(tf.less(cdf, target), "int32"), 1) as tf.Tensor1D;
}

function pick(logp: tf.Tensor2D, tokens: tf.Tensor1D, vocab: number): tf.Tensor1D {
  return tf.sum(tf.mul(logp, tf.cast(tf.oneHot(tokens, vocab), "float32")), 1) as tf.Tensor1D;
}
