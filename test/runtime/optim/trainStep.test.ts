import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { AdamW, type AdamWOptions } from "../../../src/runtime/optim/adamw.js";
import { trainStep } from "../../../src/runtime/optim/trainStep.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const OPTIONS: AdamWOptions = { beta1: 0.9, beta2: 0.999, weightDecay: 0.01 };

/** Parameters keyed by stable names unrelated to the tfjs variable names (as PolicyModel's are). */
function params(): Map<string, tf.Variable> {
  return new Map([
    ["layer.w", tf.tidy(() => tf.variable(tf.tensor1d([1, 2]), true))],
    ["layer.b", tf.tidy(() => tf.variable(tf.tensor1d([3]), true))],
  ]);
}

/** loss = Σw² + Σb²: gradients 2w and 2b. */
function quadratic(p: ReadonlyMap<string, tf.Variable>): () => tf.Scalar {
  return () => tf.add(tf.sum(tf.square(p.get("layer.w")!)), tf.sum(tf.square(p.get("layer.b")!))) as tf.Scalar;
}

describe("trainStep", () => {
  it("returns the loss and the gradient norm before clipping, and applies the clipped gradients by stable name", () => {
    const trained = params();
    const reference = params();
    const optimizer = new AdamW(trained, OPTIONS);
    const manual = new AdamW(reference, OPTIONS);
    const maxNorm = 0.5;
    for (let step = 0; step < 3; step++) {
      // Hand-computed: gradients 2w, 2b; global norm; clip factor maxNorm / (norm + 1e-6) when norm > maxNorm.
      const [w0, w1] = reference.get("layer.w")!.dataSync();
      const [b0] = reference.get("layer.b")!.dataSync();
      const g = [2 * w0!, 2 * w1!, 2 * b0!];
      const norm = Math.hypot(...g);
      const scale = Math.min(1, maxNorm / (norm + 1e-6));
      const expectedLoss = w0! ** 2 + w1! ** 2 + b0! ** 2;
      const clipped = { "layer.w": tf.tensor1d([g[0]! * scale, g[1]! * scale]), "layer.b": tf.tensor1d([g[2]! * scale]) };
      manual.apply(clipped, 0.1);
      tf.dispose(Object.values(clipped));

      const { loss, gradNorm } = trainStep(trained, optimizer, quadratic(trained), { lr: 0.1, gradClip: maxNorm });
      expect(loss.dataSync()[0]).toBeCloseTo(expectedLoss, 5);
      expect(gradNorm.dataSync()[0]).toBeCloseTo(norm, 5);
      tf.dispose([loss, gradNorm]);
      for (const name of ["layer.w", "layer.b"]) {
        const got = trained.get(name)!.dataSync();
        reference.get(name)!.dataSync().forEach((x, i) => expect(got[i]).toBeCloseTo(x, 6));
      }
    }
    expect(optimizer.updateCount).toBe(3);
    // The parameters moved (towards 0), so the gradients did reach them.
    expect(trained.get("layer.b")!.dataSync()[0]).toBeLessThan(3);
    optimizer.dispose();
    manual.dispose();
    for (const v of [...trained.values(), ...reference.values()]) v.dispose();
  });

  it("leaks no tensors: only the returned loss and norm outlive the step", () => {
    const p = params();
    const optimizer = new AdamW(p, OPTIONS);
    const before = tf.memory().numTensors;
    const { loss, gradNorm } = trainStep(p, optimizer, quadratic(p), { lr: 0.1, gradClip: 1 });
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([loss, gradNorm]);
    optimizer.dispose();
    for (const v of p.values()) v.dispose();
  });
});
