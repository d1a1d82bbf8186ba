import * as tf from "@tensorflow/tfjs";
import type { AdamW } from "./adamw.js";
import { clipGradNorm } from "./adamw.js";

export interface TrainStepOptions {
  readonly lr: number;
  /** Global gradient-norm clip; null: none. */
  readonly gradClip: number | null;
}

/**
 * One optimizer update: gradients of `loss` with respect to `params` (keyed by stable name),
 * clipped by global norm, applied by AdamW. `loss` may `tf.keep` statistics it wants to read
 * afterwards; everything else it creates is released. Returns the loss and the gradient norm
 * before clipping (the caller disposes both).
 */
export function trainStep(
  params: ReadonlyMap<string, tf.Variable>, optimizer: AdamW, loss: () => tf.Scalar, options: TrainStepOptions,
): { loss: tf.Scalar; gradNorm: tf.Scalar } {
  const nameOf = new Map([...params].map(([name, v]) => [v.name, name]));
  const { value, grads } = tf.variableGrads(loss, [...params.values()]);
  const byName: tf.NamedTensorMap = {};
  for (const [variableName, g] of Object.entries(grads)) byName[nameOf.get(variableName)!] = g;
  const clipped = clipGradNorm(byName, options.gradClip);
  tf.dispose(Object.values(grads));
  optimizer.apply(clipped.grads, options.lr);
  tf.dispose(Object.values(clipped.grads));
  return { loss: value, gradNorm: clipped.norm };
}
