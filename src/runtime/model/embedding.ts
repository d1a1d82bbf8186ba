import * as tf from "@tensorflow/tfjs";

/**
 * Rows of `table` [n, d] for integer `ids` [N] → [N, d].
 *
 * tf.gather's gradient needs the UnsortedSegmentSum kernel, which tfjs-backend-wasm 4.22 does not
 * register, so training on wasm fails with the built-in gradient. The forward pass still gathers
 * (cheap); the gradient is oneHot(ids)ᵀ · dy, one plain untransposed matMul (see linear.ts for why
 * untransposed). The one-hot is built as int32 then cast: `tf.oneHot(ids, n, "float32")` returns
 * wrong values on wasm 4.22 (docs/architecture.md).
 */
export function embedding(ids: tf.Tensor1D, table: tf.Tensor2D): tf.Tensor2D {
  const rows = tf.customGrad((...args) => {
    const [t, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    save([ids]);
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy, saved) => {
        const [savedIds] = saved as [tf.Tensor1D];
        const oneHotT = tf.transpose(tf.cast(tf.oneHot(savedIds, table.shape[0]), "float32"));
        return tf.matMul(oneHotT, dy as tf.Tensor2D);
      },
    };
  });
  return rows(table) as tf.Tensor2D;
}
