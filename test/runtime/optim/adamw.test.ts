import * as tf from "@tensorflow/tfjs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { AdamW, type AdamWOptions, clipGradNorm } from "../../../src/runtime/optim/adamw.js";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Everything a test creates, released after it. */
const owned: { dispose(): void }[] = [];
afterEach(() => {
  for (const o of owned.splice(0)) o.dispose();
});

function params(values: Record<string, number[]>): Map<string, tf.Variable> {
  const map = new Map<string, tf.Variable>();
  for (const [name, data] of Object.entries(values)) {
    const v = tf.tidy(() => tf.variable(tf.tensor1d(data), true));
    owned.push(v);
    map.set(name, v);
  }
  return map;
}

function optimizer(p: ReadonlyMap<string, tf.Variable>, options: AdamWOptions): AdamW {
  const o = new AdamW(p, options);
  owned.push(o);
  return o;
}

function grads(values: Record<string, number[]>): tf.NamedTensorMap {
  const out: tf.NamedTensorMap = {};
  for (const [name, data] of Object.entries(values)) out[name] = tf.tensor1d(data);
  return out;
}

/** apply(), then release the gradients. */
function update(o: AdamW, g: Record<string, number[]>, lr: number): void {
  const map = grads(g);
  o.apply(map, lr);
  tf.dispose(Object.values(map));
}

const OPTIONS: AdamWOptions = { beta1: 0.9, beta2: 0.99, weightDecay: 0.1, epsilon: 1e-8 };

describe("AdamW", () => {
  it("matches the formula by hand over two updates, weight decay included", () => {
    const p = params({ w: [0.5, -1.5] });
    const o = optimizer(p, OPTIONS);

    // Update 1 (t = 1, lr 0.1, g = [0.2, −0.4]):
    //   m = 0.1·g = [0.02, −0.04]         v = 0.01·g² = [0.0004, 0.0016]
    //   m̂ = m/0.1 = g                      v̂ = v/0.01 = g²  → m̂/(√v̂ + ε) = [1, −1] (less ε)
    //   p = p − 0.1·([1, −1] + 0.1·p) = [0.5 − 0.105, −1.5 + 0.115] = [0.395, −1.385]
    update(o, { w: [0.2, -0.4] }, 0.1);
    const step1 = [0.5 - 0.1 * (0.2 / (0.2 + 1e-8) + 0.1 * 0.5), -1.5 - 0.1 * (-0.4 / (0.4 + 1e-8) + 0.1 * -1.5)];
    expect(step1[0]).toBeCloseTo(0.395, 7);
    expect(step1[1]).toBeCloseTo(-1.385, 7);
    const after1 = p.get("w")!.dataSync();
    step1.forEach((x, i) => expect(after1[i]).toBeCloseTo(x, 6));
    expect(o.updateCount).toBe(1);

    // Update 2 (t = 2, lr 0.05, g = [−0.1, 0.3]):
    //   m = 0.9·[0.02, −0.04] + 0.1·[−0.1, 0.3] = [0.008, −0.006]
    //   v = 0.99·[0.0004, 0.0016] + 0.01·[0.01, 0.09] = [0.000496, 0.002484]
    //   m̂ = m/(1 − 0.9²) = m/0.19      v̂ = v/(1 − 0.99²) = v/0.0199
    //   p = p − 0.05·(m̂/(√v̂ + ε) + 0.1·p)   (p of update 1, decayed before it moves)
    update(o, { w: [-0.1, 0.3] }, 0.05);
    const m = [0.008, -0.006];
    const v = [0.000496, 0.002484];
    const step2 = step1.map((p1, i) => p1 - 0.05 * (m[i]! / 0.19 / (Math.sqrt(v[i]! / 0.0199) + 1e-8) + 0.1 * p1));
    // The same numbers, from an independent evaluation of the formula (double precision).
    expect(step2[0]).toBeCloseTo(0.3796900344, 9);
    expect(step2[1]).toBeCloseTo(-1.3736059199, 9);
    const after2 = p.get("w")!.dataSync();
    step2.forEach((x, i) => expect(after2[i]).toBeCloseTo(x, 6));
    expect(o.updateCount).toBe(2);
  });

  it("keeps the moments the formula gives, and state() reports them", async () => {
    const p = params({ w: [0.5, -1.5] });
    const o = optimizer(p, OPTIONS);
    update(o, { w: [0.2, -0.4] }, 0.1);
    update(o, { w: [-0.1, 0.3] }, 0.05);
    const state = await o.state();
    expect(state.updates).toBe(2);
    [0.008, -0.006].forEach((x, i) => expect(state.firstMoment.w![i]).toBeCloseTo(x, 7));
    [0.000496, 0.002484].forEach((x, i) => expect(state.secondMoment.w![i]).toBeCloseTo(x, 8));
  });

  it("without weight decay moves by the Adam step alone", () => {
    const p = params({ w: [2, -3] });
    const o = optimizer(p, { ...OPTIONS, weightDecay: 0 });
    update(o, { w: [0.5, -0.25] }, 0.01);
    // t = 1: m̂/√v̂ = sign(g), so each weight moves by exactly lr against its gradient.
    const w = p.get("w")!.dataSync();
    expect(w[0]).toBeCloseTo(2 - 0.01, 6);
    expect(w[1]).toBeCloseTo(-3 + 0.01, 6);
  });

  it("leaves a parameter without a gradient untouched (no step, no decay, moments unchanged)", async () => {
    const p = params({ a: [1, 2], b: [3, 4] });
    const o = optimizer(p, OPTIONS);
    update(o, { a: [0.1, 0.1] }, 0.1);
    expect([...p.get("b")!.dataSync()]).toEqual([3, 4]);
    const state = await o.state();
    expect([...state.firstMoment.b!]).toEqual([0, 0]);
    expect([...state.secondMoment.b!]).toEqual([0, 0]);
  });

  it("continues bit-identically after state() is loaded into a fresh optimizer", async () => {
    const gradients = [
      { w: [0.2, -0.4], u: [1, 0.5] },
      { w: [-0.1, 0.3], u: [-2, 0.25] },
      { w: [0.05, 0.7], u: [0.3, -0.9] },
      { w: [-0.6, 0.01], u: [0.4, 0.4] },
    ];
    const rates = [0.1, 0.05, 0.02, 0.01];
    const original = params({ w: [0.5, -1.5], u: [0.25, 3] });
    const first = optimizer(original, OPTIONS);
    update(first, gradients[0]!, rates[0]!);
    update(first, gradients[1]!, rates[1]!);

    // Checkpoint: weights and optimizer state, through plain arrays (as a file would hold them).
    const saved = await first.state();
    const copied = {
      updates: saved.updates,
      firstMoment: Object.fromEntries(Object.entries(saved.firstMoment).map(([k, x]) => [k, Float32Array.from(x)])),
      secondMoment: Object.fromEntries(Object.entries(saved.secondMoment).map(([k, x]) => [k, Float32Array.from(x)])),
    };
    const resumed = params({ w: [...original.get("w")!.dataSync()], u: [...original.get("u")!.dataSync()] });
    const second = optimizer(resumed, OPTIONS);
    second.load(copied);
    expect(second.updateCount).toBe(2);

    for (const step of [2, 3]) {
      update(first, gradients[step]!, rates[step]!);
      update(second, gradients[step]!, rates[step]!);
    }
    for (const name of ["w", "u"]) {
      expect(resumed.get(name)!.dataSync()).toEqual(original.get(name)!.dataSync());
    }
    const [a, b] = [await first.state(), await second.state()];
    expect(b).toEqual(a);
    expect(b.updates).toBe(4);
  });

  it("holds two moment tensors per parameter, which dispose() releases with their memory; updates leak nothing", () => {
    const p = params({ w: [1, 2, 3], u: [4] });
    const before = tf.memory();
    const o = new AdamW(p, OPTIONS);
    expect(tf.memory().numTensors).toBe(before.numTensors + 4);
    update(o, { w: [0.1, 0.2, 0.3], u: [1] }, 0.1);
    update(o, { w: [0.1, 0.2, 0.3], u: [1] }, 0.1);
    expect(tf.memory().numTensors).toBe(before.numTensors + 4);
    o.dispose();
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
  });

  it("refuses a state with a missing or mis-sized moment", () => {
    const o = optimizer(params({ w: [1, 2] }), OPTIONS);
    const zeros = new Float32Array(2);
    expect(() => o.load({ updates: 1, firstMoment: {}, secondMoment: { w: zeros } })).toThrow(/'w'/);
    expect(() => o.load({ updates: 1, firstMoment: { w: new Float32Array(3) }, secondMoment: { w: zeros } })).toThrow(/wrong size/);
  });
});

describe("clipGradNorm", () => {
  // Global norm of {a: [3, 4], b: [12]} is √(9 + 16 + 144) = 13.
  const values = { a: [3, 4], b: [12] };

  it("scales every gradient by maxNorm / norm when the norm is larger, and reports the norm before clipping", () => {
    const g = grads(values);
    const { grads: clipped, norm } = clipGradNorm(g, 6.5);
    expect(norm.dataSync()[0]).toBeCloseTo(13, 5);
    // scale = 6.5 / (13 + 1e-6) ≈ 0.5
    [1.5, 2].forEach((x, i) => expect(clipped.a!.dataSync()[i]).toBeCloseTo(x, 5));
    expect(clipped.b!.dataSync()[0]).toBeCloseTo(6, 5);
    const clippedNorm = Math.hypot(...clipped.a!.dataSync(), ...clipped.b!.dataSync());
    expect(clippedNorm).toBeCloseTo(6.5, 5);
    tf.dispose([...Object.values(g), ...Object.values(clipped), norm]);
  });

  it("leaves gradients with a smaller norm exactly as they are", () => {
    const g = grads(values);
    const { grads: clipped, norm } = clipGradNorm(g, 100);
    expect(norm.dataSync()[0]).toBeCloseTo(13, 5);
    expect([...clipped.a!.dataSync()]).toEqual([3, 4]);
    expect([...clipped.b!.dataSync()]).toEqual([12]);
    tf.dispose([...Object.values(g), ...Object.values(clipped), norm]);
  });

  it("does not clip at all with maxNorm null, but still reports the norm", () => {
    const g = grads({ a: [300, 400] });
    const { grads: clipped, norm } = clipGradNorm(g, null);
    expect(norm.dataSync()[0]).toBeCloseTo(500, 3);
    expect([...clipped.a!.dataSync()]).toEqual([300, 400]);
    // The result is a copy: releasing the input does not release it.
    tf.dispose(Object.values(g));
    expect([...clipped.a!.dataSync()]).toEqual([300, 400]);
    tf.dispose([...Object.values(clipped), norm]);
  });

  it("creates no tensors beyond the ones it returns", () => {
    const g = grads(values);
    const before = tf.memory().numTensors;
    const { grads: clipped, norm } = clipGradNorm(g, 1);
    expect(tf.memory().numTensors).toBe(before + Object.keys(clipped).length + 1);
    tf.dispose([...Object.values(g), ...Object.values(clipped), norm]);
  });
});
