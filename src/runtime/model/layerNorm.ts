import * as tf from "@tensorflow/tfjs";

const EPSILON = 1e-5;

/**
 * Layer normalisation over the last axis of x [N, d], with gain and bias [d].
 *
 * A hand-written gradient: the automatic one goes through rsqrt's gradient, which calls `pow`
 * (slow on wasm: x³ via pow cost 10% of a step, docs/architecture.md), and through many more kernels.
 * dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ · x̂)) with ĝ = dy · gain.
 */
export function layerNorm(x: tf.Tensor2D, gain: tf.Tensor1D, bias: tf.Tensor1D): tf.Tensor2D {
  return layerNormWithGradient(x, gain, bias) as tf.Tensor2D;
}

const layerNormWithGradient = tf.customGrad((...args) => {
  const [x, gain, bias, save] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
  // Only what the gradient needs outlives the forward pass (tf.tidy releases the rest at once).
  const { normalised, rstd, value } = tf.tidy(() => {
    const centred = tf.sub(x, tf.mean(x, -1, true));
    const rstd = tf.rsqrt(tf.add(tf.mean(tf.mul(centred, centred), -1, true), EPSILON));
    const normalised = tf.mul(centred, rstd);
    return { normalised, rstd, value: tf.add(tf.mul(normalised, gain), bias) };
  });
  save([normalised, rstd, gain]);
  return {
    value,
    gradFunc: (dy, saved) => {
      const [xhat, r, g] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
      const gHat = tf.mul(dy, g);
      const dx = tf.mul(r, tf.sub(tf.sub(gHat, tf.mean(gHat, -1, true)), tf.mul(xhat, tf.mean(tf.mul(gHat, xhat), -1, true))));
      return [dx, tf.sum(tf.mul(dy, xhat), 0), tf.sum(dy, 0)];
    },
  };
});
