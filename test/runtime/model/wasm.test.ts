import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { selectBackend } from "../../../src/runtime/backend.js";
import { type ModelConfig, modelConfig } from "../../../src/runtime/model/config.js";
import { initialWeights, type NamedWeights, parameterSpecs } from "../../../src/runtime/model/parameters.js";
import { PolicyModel } from "../../../src/runtime/model/policy.js";
import { AdamW } from "../../../src/runtime/optim/adamw.js";
import { trainStep } from "../../../src/runtime/optim/trainStep.js";
import { encode, PAD } from "../../../src/runtime/tokenizer.js";

/**
 * The policy on tfjs-backend-wasm, which lacks the UnsortedSegmentSum kernel behind tf.gather's
 * gradient (the reason for the custom embedding gradient): it trains there, and computes what the
 * cpu backend computes. tfjs variables live on the backend active when they are created, so every
 * model here is created after its backend is selected.
 */

const CONFIG = modelConfig({ dModel: 16, nHeads: 2, nLayers: 2, maxLen: 48 });
const TEXTS = ["12+30=42", "7*8=56", "hello world", "\\boxed{42}"];

/** Right-padded rows of BOS text EOS, and the mask of the predicted tokens (all but BOS and padding). */
function batch(): { tokens: number[][]; mask: number[][] } {
  const rows = TEXTS.map((t) => encode(t, { bos: true, eos: true }));
  const width = Math.max(...rows.map((r) => r.length));
  return {
    tokens: rows.map((r) => [...r, ...new Array<number>(width - r.length).fill(PAD)]),
    mask: rows.map((r) => Array.from({ length: width }, (_, i) => (i >= 1 && i < r.length ? 1 : 0))),
  };
}

/** Mean cross-entropy of the batch's predicted tokens. */
function crossEntropy(model: PolicyModel, tokens: tf.Tensor2D, mask: tf.Tensor2D): () => tf.Scalar {
  return () => tf.neg(tf.div(tf.sum(model.logProbs(tokens, mask).logProbs), tf.sum(mask))) as tf.Scalar;
}

/** The random weights scaled up (std 0.5): peaked logits, so a backend difference would show. */
function sharpWeights(config: ModelConfig): NamedWeights {
  const weights = initialWeights(config);
  for (const spec of parameterSpecs(config)) {
    if (typeof spec.init === "object") weights[spec.name] = weights[spec.name]!.map((x) => x * 25);
  }
  return weights;
}

interface Computed {
  readonly logits: Float32Array;
  readonly gradients: Record<string, Float32Array>;
}

/** Logits of the batch and gradients of its cross-entropy, computed on `backend` by a model with `weights`. */
async function computeOn(backend: "cpu" | "wasm", weights: NamedWeights): Promise<Computed> {
  const selected = await selectBackend(backend);
  expect(selected.name).toBe(backend);
  const model = PolicyModel.fromWeights(CONFIG, weights);
  const { tokens: t, mask: m } = batch();
  const tokens = tf.tensor2d(t, undefined, "int32");
  const mask = tf.tensor2d(m);
  const logitsTensor = model.forward(tokens);
  const logits = (await logitsTensor.data()) as Float32Array;
  const nameOf = new Map([...model.variables].map(([name, v]) => [v.name, name]));
  const { value, grads } = tf.variableGrads(crossEntropy(model, tokens, mask), [...model.variables.values()]);
  const gradients: Record<string, Float32Array> = {};
  for (const [variableName, g] of Object.entries(grads)) gradients[nameOf.get(variableName)!] = (await g.data()) as Float32Array;
  tf.dispose([logitsTensor, tokens, mask, value, ...Object.values(grads)]);
  model.dispose();
  return { logits, gradients };
}

function maxAbs(xs: Float32Array): number {
  return xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);
}

describe("the policy on the wasm backend", () => {
  it("trains: a few AdamW steps of cross-entropy on a fixed batch lower the loss", async () => {
    await selectBackend("wasm");
    expect(tf.getBackend()).toBe("wasm");
    const model = PolicyModel.create(CONFIG);
    const optimizer = new AdamW(model.variables, { beta1: 0.9, beta2: 0.99, weightDecay: 0.01 });
    const { tokens: t, mask: m } = batch();
    const tokens = tf.tensor2d(t, undefined, "int32");
    const mask = tf.tensor2d(m);
    const losses: number[] = [];
    for (let step = 0; step < 8; step++) {
      const { loss, gradNorm } = trainStep(model.variables, optimizer, crossEntropy(model, tokens, mask), { lr: 1e-2, gradClip: 1 });
      losses.push((await loss.data())[0]!);
      const norm = (await gradNorm.data())[0]!;
      expect(Number.isFinite(norm) && norm > 0).toBe(true);
      tf.dispose([loss, gradNorm]);
    }
    const final = (await tf.tidy(crossEntropy(model, tokens, mask)).data())[0]!;
    // Untrained, the loss is about ln(97 emittable tokens) ≈ 4.57.
    expect(losses[0]).toBeGreaterThan(4.3);
    expect(losses[0]).toBeLessThan(4.8);
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1]!);
    expect(final).toBeLessThan(losses[0]! - 1);
    // Every parameter moved, the token embedding (the custom gather gradient) included.
    const initial = initialWeights(CONFIG);
    const trained = await model.getWeights();
    for (const name of Object.keys(initial)) expect(maxDiff(trained[name]!, initial[name]!)).toBeGreaterThan(1e-3);
    tf.dispose([tokens, mask]);
    optimizer.dispose();
    model.dispose();
  });

  it("computes the logits and gradients the cpu backend computes, for the same weights", async () => {
    const sharp = sharpWeights(CONFIG);
    const cpu = await computeOn("cpu", sharp);
    const wasm = await computeOn("wasm", sharp);
    expect(maxAbs(cpu.logits.filter((x) => x > -1e8))).toBeGreaterThan(1);
    // PAD and BOS logits are −1e9, where float32 spacing is 64: they agree exactly, the rest to 1e-3
    // (measured: 5e-6, with logits up to 7).
    expect(maxDiff(wasm.logits, cpu.logits)).toBeLessThan(1e-3);
    // Every parameter's gradient, through the custom embedding, linear, layer-norm and GELU
    // gradients (measured: within 1e-6 of the cpu's, for gradients up to 0.9).
    expect(Object.keys(wasm.gradients).sort()).toEqual(Object.keys(sharp).sort());
    for (const name of Object.keys(sharp)) {
      const reference = cpu.gradients[name]!;
      expect(maxAbs(reference), name).toBeGreaterThan(0.01);
      expect(maxDiff(wasm.gradients[name]!, reference), name).toBeLessThan(1e-4);
    }
  });
});
