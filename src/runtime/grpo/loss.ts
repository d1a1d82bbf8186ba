import * as tf from "@tensorflow/tfjs";

export type LossAggregation = "token_mean" | "seq_mean_token_mean" | "seq_mean_token_sum";

export interface GrpoLossInputs {
  /** log π_θ(o_t | ·) of the sampled tokens, [B, T]; the only input gradients flow through. */
  readonly logProbs: tf.Tensor2D;
  /** log π_old(o_t | ·) recorded while sampling, [B, T]. */
  readonly oldLogProbs: tf.Tensor2D;
  /** log π_ref(o_t | ·) for the KL term and its statistic, [B, T]; without it both are 0. */
  readonly refLogProbs?: tf.Tensor2D;
  /** One advantage per response, [B]. */
  readonly advantages: tf.Tensor1D;
  /** 1 for response tokens, 0 for padding, [B, T]. */
  readonly mask: tf.Tensor2D;
  /** ε_low and ε_high; null disables that side of the clip (both null: the unclipped surrogate). */
  readonly clipLow: number | null;
  readonly clipHigh: number | null;
  readonly klCoef: number;
  readonly aggregation: LossAggregation;
}

export interface GrpoLossStats {
  /** Share of response tokens where the lower clip bound was active (A < 0, ρ < 1 − ε_low). */
  readonly clipFracLow: tf.Scalar;
  /** Share of response tokens where the upper clip bound was active (A > 0, ρ > 1 + ε_high). */
  readonly clipFracHigh: tf.Scalar;
  /** Mean |ρ − 1| over response tokens: how far π_θ has moved from π_old. */
  readonly meanAbsRatioDeviation: tf.Scalar;
  /** Mean k3 estimate of KL(π_θ ‖ π_ref) over response tokens (0 without a reference). */
  readonly kl: tf.Scalar;
}

/**
 * The GRPO objective of docs/architecture.md, per token t of response i:
 *   ρ = exp(log π_θ − log π_old)
 *   ℓ = −min(ρ·A_i, clip(ρ, 1 − ε_low, 1 + ε_high)·A_i) + β·KL_t
 * with KL_t the k3 estimator exp(r) − r − 1, r = log π_ref − log π_θ (non-negative, unbiased;
 * verl's `low_var_kl`), aggregated as the configuration says. Returns the scalar loss to
 * minimise and statistics (not part of the loss, so no gradient reaches them). Call it inside
 * `tf.tidy` or an optimizer's gradient function, which own the intermediate tensors.
 */
export function grpoLoss(inputs: GrpoLossInputs): { loss: tf.Scalar; stats: GrpoLossStats } {
  const { logProbs, oldLogProbs, advantages, mask } = inputs;
  const ratio = tf.exp(tf.sub(logProbs, oldLogProbs));
  const adv = advantages.expandDims(1) as tf.Tensor2D;
  const unclipped = tf.mul(ratio, adv);
  const low = inputs.clipLow === null ? -Infinity : 1 - inputs.clipLow;
  const high = inputs.clipHigh === null ? Infinity : 1 + inputs.clipHigh;
  const clippedRatio = Number.isFinite(low) || Number.isFinite(high) ? tf.clipByValue(ratio, low, high) : ratio;
  const clipped = tf.mul(clippedRatio, adv);
  let perToken = tf.neg(tf.minimum(unclipped, clipped));

  // With a reference, KL is measured whatever β; it joins the loss only when β > 0.
  let kl: tf.Tensor2D = tf.zerosLike(logProbs);
  if (inputs.refLogProbs) {
    const r = tf.sub(inputs.refLogProbs, logProbs);
    kl = tf.sub(tf.sub(tf.exp(r), r), 1);
    if (inputs.klCoef > 0) perToken = tf.add(perToken, tf.mul(kl, inputs.klCoef));
  }
  const loss = aggregate(perToken as tf.Tensor2D, mask, inputs.aggregation);

  const stats = tf.tidy(() => {
    const tokens = tf.maximum(tf.sum(mask), 1);
    const share = (indicator: tf.Tensor) => tf.div(tf.sum(tf.mul(tf.cast(indicator, "float32"), mask)), tokens) as tf.Scalar;
    const r = ratio;
    const a = tf.broadcastTo(adv, r.shape);
    return {
      clipFracLow: share(tf.logicalAnd(tf.less(a, 0), tf.less(r, low))),
      clipFracHigh: share(tf.logicalAnd(tf.greater(a, 0), tf.greater(r, high))),
      meanAbsRatioDeviation: tf.div(tf.sum(tf.mul(tf.abs(tf.sub(r, 1)), mask)), tokens) as tf.Scalar,
      kl: tf.div(tf.sum(tf.mul(kl, mask)), tokens) as tf.Scalar,
    };
  });
  return { loss, stats };
}

/** Token-mean (verl's default), or a mean over sequences of each one's token mean or token sum. */
export function aggregate(perToken: tf.Tensor2D, mask: tf.Tensor2D, how: LossAggregation): tf.Scalar {
  const masked = tf.mul(perToken, mask);
  switch (how) {
    case "token_mean":
      return tf.div(tf.sum(masked), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
    case "seq_mean_token_mean":
      return tf.mean(tf.div(tf.sum(masked, 1), tf.maximum(tf.sum(mask, 1), 1))) as tf.Scalar;
    case "seq_mean_token_sum":
      return tf.mean(tf.sum(masked, 1)) as tf.Scalar;
  }
}
