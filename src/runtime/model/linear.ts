import * as tf from "@tensorflow/tfjs";

/**
 * y = x·W + b for 2-D x [N, in], W [in, out], b [out].
 *
 * The custom gradient exists for speed on wasm: tfjs-backend-wasm 4.22 sends only plain 2-D,
 * untransposed matMuls to XNNPACK; a transposed or batched one runs a naive loop at 1–3 GFLOP/s
 * (measured here: 512³ untransposed 34 GFLOP/s, transposeA 1.2, transposeB 2.9). tfjs's built-in
 * matMul gradient uses transposeA/transposeB, so the backward pass materialises the transposes
 * (a copy, cheap) and multiplies untransposed. docs/architecture.md records a training step 3.3× faster
 * (1504 → 452 ms). The forward pass is one fused kernel (matMul + bias in XNNPACK).
 */
export function linear(x: tf.Tensor2D, weight: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  return linearWithGradient(x, weight, bias) as tf.Tensor2D;
}

const linearWithGradient = tf.customGrad((...args) => {
  const [x2, w2, bias, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x2, w2]);
  return {
    value: tf.fused.matMul({ a: x2, b: w2, bias }),
    gradFunc: (dy, saved) => {
      const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
      const dy2 = dy as tf.Tensor2D;
      return [tf.matMul(dy2, tf.transpose(ws)), tf.matMul(tf.transpose(xs), dy2), tf.sum(dy2, 0)];
    },
  };
});
