import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../../../src/runtime/backend.js";
import { modelConfig } from "../../../src/runtime/model/config.js";
import { initialWeights, parameterSpecs } from "../../../src/runtime/model/parameters.js";
import { PolicyModel } from "../../../src/runtime/model/policy.js";
import { BOS, encode, EOS, PAD, VOCAB_SIZE } from "../../../src/runtime/tokenizer.js";

const TINY = { dModel: 16, nHeads: 2, nLayers: 2, maxLen: 48 };
const CONFIG = modelConfig(TINY);

let model: PolicyModel;

beforeAll(async () => {
  await selectBackend("cpu");
  // Scaled-up random weights (std 0.5): distributions far from uniform.
  const weights = initialWeights(CONFIG);
  for (const spec of parameterSpecs(CONFIG)) {
    if (typeof spec.init === "object") weights[spec.name] = weights[spec.name]!.map((x) => x * 25);
  }
  model = PolicyModel.fromWeights(CONFIG, weights);
});

afterAll(() => {
  model.dispose();
});

function logits(rows: number[][]): number[][][] {
  return tf.tidy(() => model.forward(tf.tensor2d(rows, undefined, "int32")).arraySync());
}

function maxDiff(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
}

describe("model configuration and weights", () => {
  it("rejects a configuration whose heads do not divide the width, or a non-positive size", () => {
    expect(() => modelConfig({ dModel: 16, nHeads: 3 })).toThrow(/divisible/);
    expect(() => modelConfig({ nLayers: 0 })).toThrow(/nLayers/);
    expect(() => modelConfig({ dModel: 1.5 })).toThrow(/dModel/);
  });

  it("initial weights depend only on the seed", async () => {
    const a = PolicyModel.create({ ...TINY, seed: 3 });
    const b = PolicyModel.create({ ...TINY, seed: 3 });
    const c = PolicyModel.create({ ...TINY, seed: 4 });
    const [wa, wb, wc] = [await a.getWeights(), await b.getWeights(), await c.getWeights()];
    expect(wb).toEqual(wa);
    expect(wc["embed.token"]).not.toEqual(wa["embed.token"]);
    // Layer norms start as the identity, biases at zero.
    expect([...wa["block0.ln1.gain"]!].every((x) => x === 1)).toBe(true);
    expect([...wa["head.bias"]!].every((x) => x === 0)).toBe(true);
    expect(a.parameterCount).toBe(Object.values(wa).reduce((n, w) => n + w.length, 0));
    for (const m of [a, b, c]) m.dispose();
  });

  it("setWeights then getWeights round-trips, and fromWeights names the first bad parameter", async () => {
    const target = PolicyModel.create({ ...TINY, seed: 9 });
    const weights = await model.getWeights();
    target.setWeights(weights);
    expect(await target.getWeights()).toEqual(weights);
    target.dispose();
    const { "head.bias": _dropped, ...missing } = weights;
    expect(() => PolicyModel.fromWeights(CONFIG, missing)).toThrow(/missing parameter 'head.bias'/);
    expect(() => PolicyModel.fromWeights(CONFIG, { ...weights, "head.bias": new Float32Array(3) })).toThrow(/'head.bias' has 3 values/);
    expect(() => PolicyModel.fromWeights(CONFIG, { ...weights, extra: new Float32Array(1) })).toThrow(/unknown parameter 'extra'/);
  });
});

describe("forward pass", () => {
  it("gives [B, T, V] logits that never favour PAD or BOS", () => {
    const out = logits([encode("1+1=", { bos: true })]);
    expect([out.length, out[0]!.length, out[0]![0]!.length]).toEqual([1, 5, VOCAB_SIZE]);
    for (const position of out[0]!) {
      expect(position[PAD]).toBeLessThan(-1e8);
      expect(position[BOS]).toBeLessThan(-1e8);
    }
  });

  it("reads a row the same however much padding surrounds it (left or right)", () => {
    const row = encode("12+30=42", { bos: true, eos: true });
    const alone = logits([row])[0]!;
    const left = logits([[PAD, PAD, PAD, ...row]])[0]!.slice(3);
    const right = logits([[...row, PAD, PAD]])[0]!.slice(0, row.length);
    alone.forEach((position, t) => {
      expect(maxDiff(left[t]!, position)).toBeLessThan(1e-4);
      expect(maxDiff(right[t]!, position)).toBeLessThan(1e-4);
    });
  });

  it("is causal: later tokens do not change earlier logits", () => {
    const a = logits([encode("abcdef", { bos: true })])[0]!;
    const b = logits([encode("abcXYZ", { bos: true })])[0]!;
    for (let t = 0; t < 4; t++) expect(maxDiff(a[t]!, b[t]!)).toBeLessThan(1e-5);
    expect(maxDiff(a[4]!, b[4]!)).toBeGreaterThan(1e-2);
  });

  it("refuses a sequence longer than maxLen", () => {
    expect(() => logits([new Array<number>(CONFIG.maxLen + 1).fill(4)])).toThrow(RangeError);
  });
});

describe("logProbs", () => {
  it("scores each token by the distribution before it, with its entropy, masked; column 0 is 0", () => {
    const rows = [encode("7*8=56", { bos: true, eos: true }), [...encode("9-4=5", { bos: true, eos: true }), PAD]];
    // Column 0 is in the mask, to show it scores 0 anyway (nothing predicts it).
    const mask = rows.map((r) => r.map((t, i) => (i === 0 || (i >= 4 && t !== PAD) ? 1 : 0)));
    const temperature = 0.8;
    const { logProbs, entropy } = tf.tidy(() => {
      const out = model.logProbs(tf.tensor2d(rows, undefined, "int32"), tf.tensor2d(mask), { temperature });
      return { logProbs: out.logProbs.arraySync(), entropy: out.entropy.arraySync() };
    });
    const full = logits(rows);
    rows.forEach((row, r) => {
      row.forEach((token, t) => {
        if (t === 0 || mask[r]![t] === 0) {
          // Masked to exactly zero (−0 from a negative log-prob times 0 counts).
          expect(Math.abs(logProbs[r]![t]!)).toBe(0);
          expect(Math.abs(entropy[r]![t]!)).toBe(0);
          return;
        }
        // Plain JS log-softmax of the forward logits at t − 1, divided by the temperature.
        const z = full[r]![t - 1]!.map((x) => x / temperature);
        const top = Math.max(...z);
        const logSum = top + Math.log(z.reduce((s, x) => s + Math.exp(x - top), 0));
        const logp = z.map((x) => x - logSum);
        expect(Math.abs(logProbs[r]![t]! - logp[token]!)).toBeLessThan(1e-4);
        const h = -logp.reduce((s, lp) => s + (lp > -1e6 ? Math.exp(lp) * lp : 0), 0);
        expect(Math.abs(entropy[r]![t]! - h)).toBeLessThan(1e-4);
      });
    });
    expect(mask[0]!.at(-1)).toBe(1);
    expect(rows[0]!.at(-1)).toBe(EOS);
  });
});
