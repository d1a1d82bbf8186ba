import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../../../src/runtime/backend.js";
import { embedding } from "../../../src/runtime/model/embedding.js";
import { gelu } from "../../../src/runtime/model/gelu.js";
import { layerNorm } from "../../../src/runtime/model/layerNorm.js";
import { linear } from "../../../src/runtime/model/linear.js";
import { Rng } from "../../../src/runtime/random.js";

/**
 * The hand-written gradients (linear, embedding, layer norm, GELU) against tfjs's automatic
 * differentiation of the plain formula, on the cpu backend where every kernel and gradient exists.
 * Each loss is Σ f(inputs)·R with a random R, so the incoming gradient dy is not uniform.
 */

const TOLERANCE = 1e-4;

beforeAll(async () => {
  await selectBackend("cpu");
});

let stream = 0;
function random(shape: number[], std = 1, mean = 0): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Rng.derive(stream++, "gradients.test").normals(size, std).map((x) => x + mean);
  return tf.tensor(values, shape);
}

/** Largest absolute difference, asserting the same shape. */
function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

/** Values and gradients (w.r.t. every input) of `custom` and `reference` agree; the gradients are not all zero. */
function expectSameGradients(custom: (...xs: tf.Tensor[]) => tf.Tensor, reference: (...xs: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor[]): void {
  tf.tidy(() => {
    const weight = random(reference(...inputs).shape);
    const loss = (f: (...xs: tf.Tensor[]) => tf.Tensor) => (...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), weight));
    expect(maxDiff(custom(...inputs), reference(...inputs))).toBeLessThan(TOLERANCE);
    const got = tf.grads(loss(custom))(inputs);
    const want = tf.grads(loss(reference))(inputs);
    expect(got).toHaveLength(inputs.length);
    want.forEach((w, i) => {
      expect(maxDiff(got[i]!, w)).toBeLessThan(TOLERANCE);
      expect(tf.max(tf.abs(w)).dataSync()[0]).toBeGreaterThan(0.01);
    });
  });
}

describe("custom gradients equal autodiff of the plain formula (cpu)", () => {
  it("linear: x·W + b", () => {
    expectSameGradients(
      (x, w, b) => linear(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D),
      (x, w, b) => tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b!),
      [random([5, 4]), random([4, 3]), random([3])],
    );
  });

  it("embedding: rows of the table, repeated and missing ids included", () => {
    // Row 2 is picked three times (its gradient sums), row 3 never (its gradient is 0).
    const ids = tf.tensor1d([0, 2, 2, 4, 1, 2], "int32");
    expectSameGradients(
      (table) => embedding(ids, table as tf.Tensor2D),
      (table) => tf.gather(table!, ids),
      [random([5, 3])],
    );
    const gradient = tf.grad((table: tf.Tensor) => tf.sum(embedding(ids, table as tf.Tensor2D)))(random([5, 3]));
    expect(gradient.arraySync()).toEqual([[1, 1, 1], [1, 1, 1], [3, 3, 3], [0, 0, 0], [1, 1, 1]]);
    tf.dispose([ids, gradient]);
  });

  it("layer norm: (x − mean)/√(var + 1e-5)·gain + bias, for x, gain and bias", () => {
    expectSameGradients(
      (x, gain, bias) => layerNorm(x as tf.Tensor2D, gain as tf.Tensor1D, bias as tf.Tensor1D),
      (x, gain, bias) => {
        const { mean, variance } = tf.moments(x!, -1, true);
        return tf.add(tf.mul(tf.div(tf.sub(x!, mean), tf.sqrt(tf.add(variance, 1e-5))), gain!), bias!);
      },
      // Rows with a non-zero mean and a spread other than 1, a gain far from 1.
      [random([4, 6], 2, 0.5), random([6], 0.5, 1), random([6])],
    );
  });

  it("GELU: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))", () => {
    const c = Math.sqrt(2 / Math.PI);
    expectSameGradients(
      (x) => gelu(x as tf.Tensor2D),
      (x) => tf.mul(tf.mul(0.5, x!), tf.add(1, tf.tanh(tf.mul(c, tf.add(x!, tf.mul(0.044715, tf.pow(x!, 3))))))),
      // Spread wide enough to reach both saturated tails.
      [random([3, 7], 2.5)],
    );
  });
});
